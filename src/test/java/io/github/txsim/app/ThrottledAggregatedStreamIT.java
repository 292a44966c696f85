package io.github.txsim.app;

import io.github.txsim.testing.TestApplication;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KPL aggregation without the rate limiter: the shards' byte limit is hit, and each throttled aggregated record's
 * rows are sent again until the whole day is in the stream once, read back through the KCL's de-aggregation.
 */
class ThrottledAggregatedStreamIT extends FullDayThroughLimitedShards {

    @Override
    boolean rateLimiter() {
        return false;
    }

    @Override
    TestApplication settings(TestApplication application) throws Exception {
        return super.settings(application).set("kinesis.aggregation", "kpl");
    }

    @Test
    void throttledAggregatedRecordsAreSentAgainUntilTheWholeDayIsInOnce() throws Exception {
        assertTrue(publishedDay().throttled() > 0, "the shards' byte limit was reached");
    }
}
