package io.github.txsim.kinesis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/**
 * The Kinesis destination's settings ({@code kinesis.*}), read and checked once at start-up; the AWS SDK's own
 * settings stay camel-aws2-kinesis component options ({@code camel.component.aws2-kinesis.*}).
 *
 * @param local          whether to start the local emulator and publish there
 * @param aggregateBytes the most bytes of a KPL aggregated record (kinesis.aggregation=kpl), 0 for none
 */
record KinesisSettings(String streamName, boolean local, LocalEmulator emulator, RateLimit rateLimit,
        int aggregateBytes) {

    private static final String AUTO = "auto";

    static final Setting<String> STREAM_NAME = Setting.text("kinesis.streamName");
    static final Setting<String> LABELS_STREAM_NAME = Setting.text("kinesis.labels.streamName");
    static final Setting<Boolean> LOCAL = Setting.flag("kinesis.local.enabled");
    static final Setting<String> EMULATOR_FOLDER = Setting.text("kinesis.local.emulatorFolder");
    static final Setting<String> NODE = Setting.text("kinesis.local.node");
    static final Setting<Integer> PORT = Setting.integer("kinesis.local.port", 0, 65535);
    static final Setting<Integer> SHARD_COUNT = Setting.integer("kinesis.local.shardCount", 1, 100);
    static final Setting<Optional<Boolean>> RATE_LIMIT = Setting.flag("kinesis.rateLimit.enabled").orWord(AUTO);
    static final Setting<Integer> RECORDS_PER_SHARD = Setting.integer("kinesis.rateLimit.recordsPerShardPerSecond", 1,
            1_000_000);
    static final Setting<Integer> BYTES_PER_SHARD = Setting.integer("kinesis.rateLimit.bytesPerShardPerSecond", 1,
            Integer.MAX_VALUE);
    static final Setting<Duration> BURST = Setting.duration("kinesis.rateLimit.burst");
    static final Setting<Duration> SHARD_MAP_REFRESH = Setting.positiveDuration("kinesis.rateLimit.shardMapRefresh");
    static final Setting<Optional<Double>> SHARE = Setting.fraction("kinesis.rateLimit.share").orWord(AUTO);
    static final Setting<String> AGGREGATION = Setting.oneOf("kinesis.aggregation", List.of("none", "kpl"));
    static final Setting<Integer> AGGREGATE_BYTES = Setting.integer("kinesis.aggregation.maxBytes", 1024,
            10 * 1024 * 1024);
    static final List<Setting<?>> SETTINGS = List.of(STREAM_NAME, LABELS_STREAM_NAME, LOCAL, EMULATOR_FOLDER, NODE, PORT, SHARD_COUNT,
            RATE_LIMIT, RECORDS_PER_SHARD, BYTES_PER_SHARD, BURST, SHARD_MAP_REFRESH, SHARE, AGGREGATION,
            AGGREGATE_BYTES);

    /** The local emulator (kinesis.local.*). */
    record LocalEmulator(Path folder, String node, int port, int shardCount) {
    }

    /**
     * The per-shard rate limiter (kinesis.rateLimit.*).
     *
     * @param enabled on or off; null for {@code auto}
     * @param share   the share of each shard's limits, above 0 and at most 1; null for {@code auto}
     */
    record RateLimit(Boolean enabled, int recordsPerShardPerSecond, int bytesPerShardPerSecond, Duration burst,
            Duration shardMapRefresh, Double share) {
    }

    static KinesisSettings read(Settings settings) {
        return new KinesisSettings(settings.get(STREAM_NAME), settings.get(LOCAL),
                new LocalEmulator(Path.of(settings.get(EMULATOR_FOLDER)), settings.get(NODE), settings.get(PORT),
                        settings.get(SHARD_COUNT)),
                new RateLimit(settings.get(RATE_LIMIT).orElse(null), settings.get(RECORDS_PER_SHARD),
                        settings.get(BYTES_PER_SHARD), settings.get(BURST), settings.get(SHARD_MAP_REFRESH),
                        settings.get(SHARE).orElse(null)),
                settings.get(AGGREGATION).equals("kpl") ? settings.get(AGGREGATE_BYTES) : 0);
    }
}
