package io.github.txsim.kinesis;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.txsim.rows.FilePrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTrackerTest {

    @TempDir
    Path folder;

    @Test
    void aProgressLineSaysHowFarTheFileIsAndWhatIsLeft() throws Exception {
        FileProgress progress = new FileProgress(folder.resolve("day.csv"), Checkpoints.Checkpoint.START);
        progress.rowsEstimate(1_000);
        progress.groupDone(1, 250, 0, FilePrefix.EMPTY);
        progress.acknowledged(248);
        progress.rejected(2);
        progress.inFlight(50);

        String line = FileTracker.progressLine(progress);

        assertTrue(line.startsWith("Progress day.csv: 250 of about 1,000 rows done (25%), 248 records acknowledged, "),
                line);
        assertTrue(line.contains(", 0 resent, 2 rejected, 50 in flight, about "), line);
        assertTrue(line.endsWith(" s left"), line);
    }

    @Test
    void aFreeNameIsKept() {
        assertEquals("day.csv", FileTracker.freeName(folder, "day.csv"));
    }

    @Test
    void aTakenNameGetsTheFirstFreeNumber() throws Exception {
        Files.writeString(folder.resolve("day.csv"), "");
        Files.writeString(folder.resolve("day.1.csv"), "");

        assertEquals("day.2.csv", FileTracker.freeName(folder, "day.csv"));
    }
}
