package io.github.txsim.kinesis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.txsim.publish.Destination;
import io.github.txsim.publish.RequestLimits;
import io.github.txsim.publish.RecordSource;
import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.kinesis.Kinesis2Component;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PropertyBindingSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kinesis data stream, reached through camel-aws2-kinesis's options after the connection's safety checks
 * ({@link ConnectionSafety}), or the local emulator's (kinesalite) when {@code kinesis.local.enabled}.
 */
final class KinesisDestination implements Destination {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisDestination.class);

    private final KinesisSettings settings;

    KinesisDestination(KinesisSettings settings) {
        this.settings = settings;
    }

    @Override
    public RequestLimits requestLimits() {
        return new RequestLimits(KinesisSink.MAX_RECORDS_PER_REQUEST);
    }

    @Override
    public boolean local() {
        return settings.local();
    }

    @Override
    public Connection connect(Context context) throws Exception {
        CamelContext camel = context.camel();
        PropertiesComponent component = camel.getPropertiesComponent();
        if (settings.local()) {
            KinesisSettings.LocalEmulator local = settings.emulator();
            KinesisEmulator emulator = KinesisEmulator.startNew(new KinesisEmulator.Options(local.folder(),
                    local.node(), local.port(), 100));
            camel.addService(emulator, true, true);
            emulator.componentOptions().forEach((option, value) ->
                    component.addOverrideProperty(ConnectionSafety.PREFIX + option, value));
        }
        ConnectionSafety.check(option -> component.resolveProperty(ConnectionSafety.PREFIX + option)
                .map(String::strip).filter(value -> !value.isEmpty()));
        return connection(context, settings.streamName(), KinesisSettings.STREAM_NAME.key());
    }

    /** The label events' stream ({@code kinesis.labels.streamName}), through the same client settings. */
    @Override
    public Connection connectAlso(Context context, String name) {
        return connection(context, name, KinesisSettings.LABELS_STREAM_NAME.key());
    }

    private Connection connection(Context context, String name, String nameKey) {
        KinesisStream stream = new KinesisStream(context.camel(), name, nameKey, settings.local(),
                settings.emulator().shardCount());
        ShardMap shardMap = new ShardMap(stream, settings.rateLimit().shardMapRefresh());
        KinesisSink sink = new KinesisSink(stream, rateLimiter(name, shardMap, context), settings.aggregateBytes() == 0
                ? null : new KinesisSink.Aggregation(shardMap, settings.aggregateBytes()), context.metrics());
        return new Connection(sink, "kinesis-stream", health -> {
            health.detail("stream", stream.name());
            String status = stream.status();
            health.detail("status", status);
            if (KinesisStream.acceptsRecords(status)) {
                health.up();
            } else {
                health.message("stream " + stream.name() + " is " + status).down();
            }
        }, () -> new StreamReader(stream.client(), stream.name()));
    }

    /**
     * The per-shard rate limiter: {@code auto} turns it on against AWS and off in local mode. It takes
     * {@code kinesis.rateLimit.share} of each shard's limits: by default 1/n for partition i/n, as n producers share
     * the stream.
     */
    private ShardRateLimiter rateLimiter(String stream, ShardMap shardMap, Context context) {
        KinesisSettings.RateLimit limit = settings.rateLimit();
        boolean on = limit.enabled() != null ? limit.enabled() : !settings.local();
        if (!on) {
            return null;
        }
        boolean auto = limit.share() == null;
        double share = auto ? 1.0 / context.producers() : limit.share();
        LOG.info(String.format("Rate limiting each shard of Kinesis stream '%s' to %,.0f records/s and %,.0f bytes/s "
                + "(%s of its limits%s)", stream, limit.recordsPerShardPerSecond() * share,
                limit.bytesPerShardPerSecond() * share,
                share == 1 ? "all" : String.format("%.3g", share),
                auto && share < 1 ? ", as partition " + context.producer() + " of the producers sharing the stream"
                        : ""));
        return new ShardRateLimiter(shardMap, limit.recordsPerShardPerSecond() * share,
                limit.bytesPerShardPerSecond() * share, limit.burst());
    }

    /**
     * The stream as {@code verify} reaches it: camel-aws2-kinesis's options bound as Camel Main binds them for the
     * application, from the properties files and the system properties, after the same safety checks.
     */
    @Override
    public RecordSource reader(CamelContext camel) throws Exception {
        PropertiesComponent properties = camel.getPropertiesComponent();
        Map<String, Object> options = new HashMap<>();
        Set<String> keys = new HashSet<>();
        properties.loadProperties(key -> key.startsWith(ConnectionSafety.PREFIX)).stringPropertyNames()
                .forEach(keys::add);
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(ConnectionSafety.PREFIX))
                .forEach(keys::add);
        for (String key : keys) {
            properties.resolveProperty(key).map(String::strip).filter(value -> !value.isEmpty())
                    .ifPresent(value -> options.put(key.substring(ConnectionSafety.PREFIX.length()), value));
        }
        ConnectionSafety.check(option -> Optional.ofNullable((String) options.get(option)));
        Kinesis2Component component = camel.getComponent("aws2-kinesis", Kinesis2Component.class);
        // through the component's generated configurer, as Camel Main binds them: reflection over the configuration
        // would load the Kinesis Client Library's types, which the jar leaves out
        PropertyBindingSupport.build().withConfigurer(component.getComponentPropertyConfigurer()).withReflection(false)
                .withIgnoreCase(true).withMandatory(true).bind(camel, component, options);
        camel.start();
        KinesisStream stream = new KinesisStream(camel, settings.streamName(), false, 0);
        stream.start();
        return new StreamReader(stream.client(), settings.streamName());
    }
}
