package io.github.txsim.labels;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportDelayTest {

    private static final ReportDelay.LongTailed DEFAULT = new ReportDelay.LongTailed(7, Duration.ofDays(5), 1.0,
            Duration.ofDays(120));

    @Test
    void theHandbooksFixedDelayIsTheSameForEveryFraud() {
        ReportDelay week = new ReportDelay.Fixed(Duration.ofDays(7));

        assertEquals(Duration.ofDays(7), week.after(1));
        assertEquals(Duration.ofDays(7), week.after(987_654_321));
        assertEquals(0, week.shareWithin(Duration.ofDays(6)));
        assertEquals(1, week.shareWithin(Duration.ofDays(7)));
    }

    @Test
    void aLongTailedDelayIsDrawnFromTheSeedAndTheTransactionAlone() {
        ReportDelay again = new ReportDelay.LongTailed(7, Duration.ofDays(5), 1.0, Duration.ofDays(120));
        ReportDelay otherSeed = new ReportDelay.LongTailed(8, Duration.ofDays(5), 1.0, Duration.ofDays(120));

        for (long id : new long[] {0, 1, 42, 1L << 40}) {
            assertEquals(DEFAULT.after(id), again.after(id));
        }
        assertNotEquals(LongStream.range(0, 20).mapToObj(DEFAULT::after).toList(),
                LongStream.range(0, 20).mapToObj(otherSeed::after).toList());
    }

    @Test
    void theDrawsFollowTheModelsSharesAndNeverPassTheMaximum() {
        long[] seconds = LongStream.range(0, 200_000).map(id -> DEFAULT.after(id * 7919).toSeconds()).sorted()
                .toArray();

        for (Duration within : new Duration[] {Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30)}) {
            long inside = Arrays.stream(seconds).filter(s -> s <= within.toSeconds()).count();
            assertEquals(DEFAULT.shareWithin(within), inside / (double) seconds.length, 0.005, within.toString());
        }
        assertEquals(Duration.ofDays(5).toSeconds(), seconds[seconds.length / 2], Duration.ofHours(3).toSeconds());
        assertTrue(seconds[seconds.length - 1] <= Duration.ofDays(120).toSeconds());
        assertEquals(1, DEFAULT.shareWithin(Duration.ofDays(120)));
    }

    @Test
    void aDelayWithoutAMedianOrSpreadIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReportDelay.LongTailed(1, Duration.ZERO, 1, Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportDelay.LongTailed(1, Duration.ofDays(5), 0, Duration.ofDays(120)));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportDelay.LongTailed(1, Duration.ofDays(5), 1, Duration.ofDays(1)));
    }
}
