package io.github.txsim.support;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;

/**
 * The publisher's counters, in the Micrometer registry that Camel's Prometheus metrics expose
 * ({@code camel.metrics.enabled}, served at {@code /observe/metrics}): records published, resent, throttled and
 * rejected; files archived and failed; PutRecords latency. Without Camel metrics they are kept in a registry of their
 * own, which nothing exposes.
 */
public final class PublishMetrics {

    /** The name under which Camel's micrometer components look up the registry. */
    public static final String CAMEL_METRICS_REGISTRY = "metricsRegistry";

    private final CamelContext context;
    private volatile Meters meters;

    private record Meters(Counter published, Counter retried, Counter throttled, Counter rejected, Counter archived,
            Counter failed, Timer putRecords) {

        static Meters in(MeterRegistry registry) {
            return new Meters(
                    Counter.builder("txsim.records.published").description("Records acknowledged by Kinesis")
                            .register(registry),
                    Counter.builder("txsim.records.retried").description("Records sent again").register(registry),
                    Counter.builder("txsim.records.throttled")
                            .description("Records answered with ProvisionedThroughputExceededException")
                            .register(registry),
                    Counter.builder("txsim.rows.rejected").description("Rows that could not become records")
                            .register(registry),
                    Counter.builder("txsim.files.archived").description("Files published and archived")
                            .register(registry),
                    Counter.builder("txsim.files.failed").description("Files moved to the failed folder")
                            .register(registry),
                    // histogram buckets from 1 ms to 30 s, so a dashboard can show percentiles across instances
                    Timer.builder("txsim.putrecords.latency").description("PutRecords call duration")
                            .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                            .maximumExpectedValue(Duration.ofSeconds(30)).register(registry));
        }
    }

    /** @param context the Camel context whose registry holds Camel's meter registry, when metrics are on */
    public PublishMetrics(CamelContext context) {
        this.context = context;
    }

    /** Metrics that nothing exposes, for tests. */
    public static PublishMetrics none() {
        return new PublishMetrics(null);
    }

    /** Looks up the registry at first use: Camel binds its own while it starts, after the application is wired. */
    private Meters meters() {
        Meters current = meters;
        if (current == null) {
            synchronized (this) {
                if (meters == null) {
                    MeterRegistry registry = context == null ? null : context.getRegistry()
                            .lookupByNameAndType(CAMEL_METRICS_REGISTRY, MeterRegistry.class);
                    meters = Meters.in(registry != null ? registry : new SimpleMeterRegistry());
                }
                current = meters;
            }
        }
        return current;
    }

    public void published(long records) {
        meters().published().increment(records);
    }

    public void retried(long records) {
        meters().retried().increment(records);
    }

    public void throttled(long records) {
        meters().throttled().increment(records);
    }

    public void rejected(long rows) {
        meters().rejected().increment(rows);
    }

    public void archived() {
        meters().archived().increment();
    }

    public void failed() {
        meters().failed().increment();
    }

    public void putRecords(Duration took) {
        meters().putRecords().record(took);
    }
}
