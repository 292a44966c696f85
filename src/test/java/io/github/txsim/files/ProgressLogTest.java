package io.github.txsim.files;

import java.nio.file.Path;
import java.util.List;

import io.github.txsim.rows.FilePrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressLogTest {

    @TempDir
    Path folder;

    @Test
    void aProgressLineSaysHowFarTheFileIsAndWhatIsLeft() throws Exception {
        FileProgress progress = new FileProgress(folder.resolve("day.csv"), new Checkpoints(folder),
                Checkpoints.Checkpoint.START);
        progress.rowsEstimate(1_000);
        progress.groupDone(1, 250, List.of(), FilePrefix.EMPTY);
        progress.acknowledged(248);
        progress.rejected(2);
        progress.inFlight(50);

        String line = ProgressLog.line(progress);

        assertTrue(line.startsWith("Progress day.csv: 250 of about 1,000 rows done (25%), 248 records acknowledged, "),
                line);
        assertTrue(line.contains(", 0 resent, 2 rejected, 50 in flight, about "), line);
        assertTrue(line.endsWith(" s left"), line);
    }
}
