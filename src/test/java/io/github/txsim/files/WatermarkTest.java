package io.github.txsim.files;

import io.github.txsim.rows.FilePrefix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatermarkTest {

    /** A group's end: the line it ends on stands for where it ends in the file. */
    private static FilePrefix endOf(long lastRow) {
        return new FilePrefix(lastRow + 1, lastRow * 10, lastRow);
    }

    private static long complete(Watermark watermark, long first, long last, long rejected) {
        return watermark.complete(first, last, rejected, endOf(last)).rowsDone();
    }

    @Test
    void movesOnlyOverContiguousCompletedGroups() {
        Watermark watermark = new Watermark(Checkpoints.Checkpoint.START);

        assertEquals(0, complete(watermark, 501, 1000, 2), "the first group is still in flight");
        assertEquals(0, complete(watermark, 1001, 1500, 0));
        assertEquals(1500, complete(watermark, 1, 500, 1), "the gap is closed: three groups done");
        assertEquals(new Checkpoints.Checkpoint(1500, 3, endOf(1500)), watermark.done(),
                "the rejects of the groups passed, and where the last one ends");
        assertEquals(1500, complete(watermark, 2001, 2500, 0));
        assertEquals(2500, complete(watermark, 1501, 2000, 0));
    }

    @Test
    void startsFromAnEarlierRunsCheckpoint() {
        Watermark watermark = new Watermark(new Checkpoints.Checkpoint(1000, 7, endOf(1000)));

        assertEquals(1000, complete(watermark, 1501, 2000, 0));
        assertEquals(2000, complete(watermark, 1001, 1500, 1));
        assertEquals(2000, complete(watermark, 1, 500, 0), "a group below the watermark changes nothing");
        assertEquals(new Checkpoints.Checkpoint(2000, 8, endOf(2000)), watermark.done());
    }
}
