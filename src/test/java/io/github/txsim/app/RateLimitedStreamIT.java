package io.github.txsim.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the rate limiter on, the day arrives whole and once with under 1% of its records throttled. */
class RateLimitedStreamIT extends FullDayThroughLimitedShards {

    @Override
    boolean rateLimiter() {
        return true;
    }

    @Test
    void theRateLimiterKeepsThrottlingUnderOnePercentOfRecords() throws Exception {
        Outcome outcome = publishedDay();
        assertTrue(outcome.throttled() < outcome.rows().size() / 100, "throttled: " + outcome.throttled());
    }
}
