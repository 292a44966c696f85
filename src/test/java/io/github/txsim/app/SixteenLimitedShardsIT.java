package io.github.txsim.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sixteen limited shards take 16,000 records/s, more than kinesalite takes here, so the fault-injection proxy acts as
 * the stream itself (kinesalite only describes the stream and its shard map). The rate limiter spreads the day over
 * all sixteen shards' budgets: it arrives whole and once with under 1% of its records throttled.
 */
class SixteenLimitedShardsIT extends FullDayThroughLimitedShards {

    @Override
    boolean rateLimiter() {
        return true;
    }

    @Override
    int shards() {
        return 16;
    }

    @Override
    boolean sink() {
        return true;
    }

    @Test
    void aDayArrivesWholeAndOnceWithUnderOnePercentThrottled() throws Exception {
        Outcome outcome = publishedDay();
        assertTrue(outcome.throttled() < outcome.rows().size() / 100, "throttled: " + outcome.throttled());
    }
}
