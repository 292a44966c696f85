package io.github.txsim.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without the rate limiter the shards' limits are hit: throttled records are sent again until all are in, once. */
class ThrottledStreamIT extends FullDayThroughLimitedShards {

    @Override
    boolean rateLimiter() {
        return false;
    }

    @Test
    void throttledRecordsAreSentAgainUntilTheWholeDayIsInOnce() throws Exception {
        assertTrue(publishedDay().throttled() > 0, "the stream's limits were reached");
    }
}
