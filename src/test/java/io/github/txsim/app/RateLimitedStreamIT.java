package io.github.txsim.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisFaultProxy;
import io.github.txsim.testing.TestApplication;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full default day into a four-shard stream whose per-shard write limits the fault-injection proxy enforces as
 * Kinesis does, with the publisher's per-shard rate limiter on: throttling stays under 1% of the records, and the
 * day arrives at close to the stream's capacity (4,000 records/s).
 */
@CamelMainTest(configurationClasses = TransactionStreamConfiguration.class,
        propertyPlaceholderLocations = "file:application.properties")
class RateLimitedStreamIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private final String stream = "limited-" + UUID.randomUUID();
    private KinesisFaultProxy proxy;

    @Configure
    void configure(MainConfigurationProperties main) throws Exception {
        proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client()).limitShards(1_000, 1024 * 1024);
        KINESIS.createStream(stream, 4);
        TestApplication.against(KINESIS, stream, data)
                .set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                .set("simulator.customers", "50000")
                .set("simulator.terminals", "100000")
                .set("publish.recordRetry.baseDelay", "100")
                .set("publish.recordRetry.maxDelay", "2000")
                .set("publish.rateLimit.enabled", "true")
                .applyTo(main);
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void withTheRateLimiterAFullDefaultDayArrivesWithLessThanOnePercentThrottled() throws Exception {
        List<CSVRecord> rows = PublishPipelineIT.readCsv(
                Delivery.awaitArchived(data, Duration.ofMinutes(3)));
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, stream);

        assertTrue(rows.size() > 90_000, "a default day: " + rows.size());
        assertTrue(proxy.throttledRecords() < rows.size() / 100, "throttled: " + proxy.throttledRecords());
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertEquals(0, Delivery.duplicated(arrivals), "duplicated");
        System.out.printf("%d rows through 4 rate-limited shards: %d throttled records sent again%n", rows.size(),
                proxy.throttledRecords());
    }
}
