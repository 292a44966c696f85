package io.github.txsim.app;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.txsim.kafka.KafkaOptions;
import io.github.txsim.kafka.KafkaTopic;
import io.github.txsim.kafka.TopicReader;
import io.github.txsim.kinesis.ConnectionSafety;
import io.github.txsim.kinesis.KinesisSink;
import io.github.txsim.kinesis.KinesisStream;
import io.github.txsim.kinesis.ShardMap;
import io.github.txsim.kinesis.ShardRateLimiter;
import io.github.txsim.kinesis.StreamReader;
import io.github.txsim.local.KafkaBroker;
import io.github.txsim.local.KinesisEmulator;
import io.github.txsim.publish.DestinationHealthCheck;
import io.github.txsim.publish.Outage;
import io.github.txsim.publish.Sink;
import io.github.txsim.support.PublishMetrics;
import io.github.txsim.verification.RecordSource;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the records go ({@code publish.sink}): a Kinesis stream (the default) or a Kafka topic, with what goes with
 * it: its local server when asked for (kinesalite, a Kafka broker), its readiness check, and how verification reads it
 * back.
 *
 * @param local whether the destination is a local server the application started, which holds this run's records only
 */
record Destination(Sink sink, Function<Outage, HealthCheck> healthCheck, Supplier<RecordSource> reader,
        boolean local) {

    private static final Logger LOG = LoggerFactory.getLogger(Destination.class);

    /** The destination the settings choose; a local server is started and stopped with the context. */
    static Destination choose(CamelContext context, AppProperties properties, PublishSettings publish,
            GeneratorSettings generator, PublishMetrics metrics) throws Exception {
        String sink = properties.text("publish.sink").toLowerCase(Locale.ROOT);
        return switch (sink) {
            case "kinesis" -> kinesis(context, KinesisSettings.read(properties), publish, generator, metrics);
            case "kafka" -> {
                if (publish.aggregateBytes() > 0) {
                    throw new IllegalArgumentException(properties.nameOf("publish.aggregation") + "=kpl is for "
                            + "Kinesis only: a Kafka producer batches records itself (kafka.batchSize, kafka.linger)");
                }
                yield kafka(context, properties);
            }
            default -> throw new IllegalArgumentException("Property publish.sink must be kinesis or kafka, was '"
                    + sink + "'");
        };
    }

    private static Destination kinesis(CamelContext context, KinesisSettings kinesis, PublishSettings publish,
            GeneratorSettings generator, PublishMetrics metrics) throws Exception {
        PropertiesComponent component = context.getPropertiesComponent();
        if (kinesis.local()) {
            KinesisEmulator emulator = KinesisEmulator.startNew(new KinesisEmulator.Options(
                    kinesis.emulator().folder(), kinesis.emulator().node(), kinesis.emulator().port(), 100));
            context.addService(emulator, true, true);
            emulator.componentOptions().forEach((option, value) ->
                    component.addOverrideProperty(ConnectionSafety.PREFIX + option, value));
        }
        ConnectionSafety.check(option -> component.resolveProperty(ConnectionSafety.PREFIX + option)
                .map(String::strip).filter(value -> !value.isEmpty()));
        KinesisStream stream = new KinesisStream(context, kinesis.streamName(), kinesis.local(),
                kinesis.emulator().shardCount());
        ShardMap shardMap = new ShardMap(stream, publish.rateLimit().shardMapRefresh());
        KinesisSink sink = new KinesisSink(stream, rateLimiter(publish.rateLimit(), shardMap, kinesis.local(),
                generator), publish.aggregateBytes() == 0 ? null
                        : new KinesisSink.Aggregation(shardMap, publish.aggregateBytes()), metrics);
        return new Destination(sink, outage -> new DestinationHealthCheck("kinesis-stream", sink, outage, health -> {
            health.detail("stream", stream.name());
            String status = stream.status();
            health.detail("status", status);
            if (KinesisStream.acceptsRecords(status)) {
                health.up();
            } else {
                health.message("stream " + stream.name() + " is " + status).down();
            }
        }),
                () -> new StreamReader(stream.client(), stream.name()), kinesis.local());
    }

    private static Destination kafka(CamelContext context, AppProperties properties) throws Exception {
        KafkaSettings kafka = KafkaSettings.read(properties);
        String bootstrapServers = null;
        if (kafka.local()) {
            KafkaBroker broker = KafkaBroker.startNew(new KafkaBroker.Options(kafka.broker().folder(),
                    kafka.broker().port(), kafka.broker().partitions(), kafka.broker().heap()));
            context.addService(broker, true, true);
            bootstrapServers = broker.bootstrapServers();
        }
        KafkaOptions options = KafkaSettings.options(properties, bootstrapServers);
        KafkaTopic topic = new KafkaTopic(options, kafka.local(), kafka.broker().partitions());
        return new Destination(topic, outage -> new DestinationHealthCheck("kafka-topic", topic, outage, health -> {
            health.detail("topic", options.topic());
            health.detail("partitions", topic.partitionCount());
            health.up();
        }),
                () -> new TopicReader(options), kafka.local());
    }

    /**
     * The per-shard rate limiter: {@code auto} turns it on against AWS and off in local mode. It takes
     * {@code publish.rateLimit.share} of each shard's limits: by default 1/n for partition i/n, as n producers share
     * the stream.
     */
    private static ShardRateLimiter rateLimiter(PublishSettings.RateLimit limit, ShardMap shardMap, boolean local,
            GeneratorSettings generator) {
        boolean on = limit.enabled() != null ? limit.enabled() : !local;
        if (!on) {
            return null;
        }
        boolean auto = limit.share() == null;
        double share = auto ? 1.0 / generator.partition().count() : limit.share();
        LOG.info(String.format("Rate limiting each shard to %,.0f records/s and %,.0f bytes/s (%s of its limits%s)",
                limit.recordsPerShardPerSecond() * share, limit.bytesPerShardPerSecond() * share,
                share == 1 ? "all" : String.format("%.3g", share),
                auto && share < 1 ? ", as partition " + generator.partition() + " of the producers sharing the stream"
                        : ""));
        return new ShardRateLimiter(shardMap, limit.recordsPerShardPerSecond() * share,
                limit.bytesPerShardPerSecond() * share, limit.burst());
    }
}
