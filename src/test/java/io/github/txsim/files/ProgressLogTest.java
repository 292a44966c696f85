package io.github.txsim.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.github.txsim.rows.FilePrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressLogTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final Instant NOON = Instant.parse("2026-11-28T12:00:00Z");

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
        progress.publishing().inFlight(50);

        String line = ProgressLog.line(progress, NOON, ZONE);

        assertTrue(line.startsWith("Progress day.csv: 250 of about 1,000 rows done (25%), 248 records acknowledged, "),
                line);
        assertTrue(line.contains(", 0 resent, 2 rejected, 50 in flight, about "), line);
        assertTrue(line.endsWith(" s left"), line);
    }

    private FileProgress progress() {
        return new FileProgress(folder.resolve("day.csv"), new Checkpoints(folder), Checkpoints.Checkpoint.START);
    }

    @Test
    void aPacedFeedWaitingForItsNextRecordIsOnScheduleAndSaysWhenThatRecordIsDue() {
        // a service at 23:58 with a day whose late-evening records are sparse: on time, not 1,140 s behind
        FileProgress progress = progress();
        progress.rowsEstimate(9_527);
        progress.groupDone(1, 9_500, List.of(), FilePrefix.EMPTY);
        progress.acknowledged(9_526);
        progress.publishing().nextDue(Instant.parse("2026-11-28T23:59:40Z"));

        String line = ProgressLog.line(progress, Instant.parse("2026-11-28T23:58:00Z"), ZONE);

        assertTrue(line.contains("9,526 of about 9,527 rows done (99%), 9,526 records acknowledged"), line);
        assertTrue(line.endsWith("on schedule, waiting for the next record, due at 23:59:40 (in 100.0 s)"), line);
    }

    @Test
    void aFeedBehindItsScheduleSaysByHowMuchAndRowsSentCountBeforeTheirGroupIsDone() {
        FileProgress progress = progress();
        progress.rowsEstimate(9_379);
        progress.acknowledged(1);
        progress.publishing().nextDue(Instant.parse("2026-11-28T23:59:58Z"));

        String line = ProgressLog.line(progress, Instant.parse("2026-11-29T00:00:01.500Z"), ZONE);

        assertTrue(line.startsWith("Progress day.csv: 1 of about 9,379 rows done (0%), 1 record acknowledged, "), line);
        assertTrue(line.endsWith("3.5 s behind schedule (the next record was due at 2026-11-28 23:59:58)"), line);
    }

    @Test
    void aRateNamesItsTarget() {
        FileProgress progress = progress();
        progress.rowsEstimate(1);
        progress.publishing().paceTarget("a target of 5,000 records/s");

        String line = ProgressLog.line(progress, NOON, ZONE);

        assertTrue(line.contains("of about 1 row done") && line.contains(" rows/s (a target of 5,000 records/s), "),
                line);
    }

    @Test
    void rowsAreCountedInASmallFileAndEstimatedFromTheFirstMebibytesOfALargeOne() throws Exception {
        Path small = folder.resolve("small.csv");
        Files.writeString(small, "A,B\n1,2\n3,4");
        assertEquals(2, ProgressLog.estimateRows(small));

        Path large = folder.resolve("large.csv");
        StringBuilder text = new StringBuilder("TRANSACTION_ID,CUSTOMER_ID\n");
        long rows = 0;
        while (text.length() < 3 * ProgressLog.ESTIMATE_SAMPLE) {
            text.append(String.format("%08d,%03d%n", rows, rows % 1000)); // rows of one length, as a day's are
            rows++;
        }
        Files.writeString(large, text);
        long estimate = ProgressLog.estimateRows(large);
        assertTrue(Math.abs(estimate - rows) < rows / 50, estimate + " for " + rows + " rows");
    }
}
