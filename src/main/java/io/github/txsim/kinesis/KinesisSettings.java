package io.github.txsim.kinesis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

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

    static final String STREAM_NAME = "kinesis.streamName";

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
        return new KinesisSettings(settings.text(STREAM_NAME), settings.flag("kinesis.local.enabled"),
                new LocalEmulator(Path.of(settings.text("kinesis.local.emulatorFolder")),
                        settings.text("kinesis.local.node"), settings.integer("kinesis.local.port", 0, 65535),
                        settings.integer("kinesis.local.shardCount", 1, 100)),
                rateLimit(settings), aggregateBytes(settings));
    }

    private static RateLimit rateLimit(Settings settings) {
        Boolean enabled = settings.text("kinesis.rateLimit.enabled").equalsIgnoreCase("auto") ? null
                : settings.flag("kinesis.rateLimit.enabled");
        Double share = settings.text("kinesis.rateLimit.share").equalsIgnoreCase("auto") ? null
                : settings.fraction("kinesis.rateLimit.share");
        return new RateLimit(enabled, settings.integer("kinesis.rateLimit.recordsPerShardPerSecond", 1, 1_000_000),
                settings.integer("kinesis.rateLimit.bytesPerShardPerSecond", 1, Integer.MAX_VALUE),
                settings.duration("kinesis.rateLimit.burst"),
                settings.positiveDuration("kinesis.rateLimit.shardMapRefresh"), share);
    }

    /** kinesis.aggregation: none, or kpl with aggregated records of kinesis.aggregation.maxBytes at most. */
    private static int aggregateBytes(Settings settings) {
        String aggregation = settings.text("kinesis.aggregation").toLowerCase(Locale.ROOT);
        return switch (aggregation) {
            case "none" -> 0;
            case "kpl" -> settings.integer("kinesis.aggregation.maxBytes", 1024, 10 * 1024 * 1024);
            default -> throw new IllegalArgumentException(settings.nameOf("kinesis.aggregation")
                    + " must be none or kpl, was '" + aggregation + "'");
        };
    }
}
