package io.github.txsim.kinesis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WatermarkTest {

    @Test
    void movesOnlyOverContiguousCompletedGroups() {
        Watermark watermark = new Watermark(0);

        assertEquals(0, watermark.complete(501, 1000), "the first group is still in flight");
        assertEquals(0, watermark.complete(1001, 1500));
        assertEquals(1500, watermark.complete(1, 500), "the gap is closed: three groups done");
        assertEquals(1500, watermark.complete(2001, 2500));
        assertEquals(2500, watermark.complete(1501, 2000));
    }

    @Test
    void startsFromAnEarlierRunsCheckpoint() {
        Watermark watermark = new Watermark(1000);

        assertEquals(1000, watermark.complete(1501, 2000));
        assertEquals(2000, watermark.complete(1001, 1500));
        assertEquals(2000, watermark.complete(1, 500), "a group below the watermark changes nothing");
    }
}
