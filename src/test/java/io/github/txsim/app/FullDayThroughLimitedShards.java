package io.github.txsim.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.KinesisFaultProxy;
import io.github.txsim.testing.TestApplication;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full default day (about 97,000 transactions) generated and published into a stream (four shards unless a
 * subclass says otherwise) whose per-shard write limits (1,000 records/s, 1 MiB/s) the fault-injection proxy
 * enforces as Kinesis does. The subclasses run it with the publisher's rate limiter off or on, and may have the proxy
 * act as the stream itself (its sink mode) for rates kinesalite cannot take.
 */
abstract class FullDayThroughLimitedShards extends ApplicationIT {

    private KinesisFaultProxy proxy;

    /** The outcome: the day's rows, and how many records the proxy throttled. */
    record Outcome(List<CSVRecord> rows, long throttled) {
    }

    abstract boolean rateLimiter();

    @Override
    int shards() {
        return 4;
    }

    /** Whether the proxy acknowledges the records itself rather than forwarding them to kinesalite. */
    boolean sink() {
        return false;
    }

    @Override
    TestApplication settings(TestApplication application) throws Exception {
        proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client()).limitShards(1_000, 1024 * 1024);
        if (sink()) {
            proxy.sink();
        }
        return application.set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                .set("simulator.customers", "50000")
                .set("simulator.terminals", "100000")
                .set("publish.retry.initialDelay", "100ms")
                .set("publish.retry.maximumDelay", "2s")
                .set("kinesis.rateLimit.enabled", Boolean.toString(rateLimiter()))
                .set("publish.maxInFlight", "4");
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    /** Waits for the day to be archived, then checks that every row arrived exactly once. */
    Outcome publishedDay() throws Exception {
        List<CSVRecord> rows = PublishPipelineIT.readCsv(Delivery.awaitArchived(data, Duration.ofMinutes(3)));
        Map<Long, Integer> arrivals = sink() ? proxy.arrivalCounts() : Delivery.arrivals(KINESIS, stream);
        assertTrue(rows.size() > 90_000, "a default day: " + rows.size());
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertEquals(0, Delivery.duplicated(arrivals), "duplicated");
        System.out.printf("%d rows through %d limited shards, rate limiter %s: %d throttled records sent again%n",
                rows.size(), shards(), rateLimiter() ? "on" : "off", proxy.throttledRecords());
        return new Outcome(rows, proxy.throttledRecords());
    }
}
