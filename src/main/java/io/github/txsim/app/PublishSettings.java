package io.github.txsim.app;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import io.github.txsim.kinesis.KinesisSink;
import io.github.txsim.publish.Pacing;

/**
 * The publisher's settings ({@code publish.*}, and the partition-key column), read once at start-up.
 *
 * @param maxInFlight              groups published at once: publish.maxInFlight, or one when paced
 * @param republishArchivedCopies whether a copy of a file archived earlier is published again
 *                                (publish.archivedCopies=publish) or archived without publishing (skip)
 * @param aggregateBytes           the most bytes of a KPL aggregated record (publish.aggregation=kpl), 0 for none
 * @param recordTimeout            how long a group's records not acknowledged are retried (publish.recordTimeout)
 * @param outageMaxWait            how long publishing waits for a stream that cannot take records before the
 *                                application stops (publish.outage.maxWait); null for no limit
 */
record PublishSettings(String partitionKeyColumn, int groupSize, long groupBytes, int maxInFlight,
        Duration progressInterval, Pacing pacing, boolean dropUnnamedIndexColumn, Duration recordTimeout,
        ReadLock readLock, RateLimit rateLimit, boolean republishArchivedCopies, Duration outageMaxWait,
        int aggregateBytes) {

    /** publish.outage.maxWait=auto in run-once mode: a batch job ends rather than wait for long. */
    static final Duration RUN_ONCE_OUTAGE_MAX_WAIT = Duration.ofMinutes(5);
    /** When a file of the source folder is taken (publish.readLock.*). */
    record ReadLock(Duration minAge, Duration checkInterval, Duration timeout) {
    }

    /**
     * The per-shard rate limiter (publish.rateLimit.*).
     *
     * @param enabled on or off; null for {@code auto}
     * @param share   the share of each shard's limits, above 0 and at most 1; null for {@code auto}
     */
    record RateLimit(Boolean enabled, int recordsPerShardPerSecond, int bytesPerShardPerSecond, Duration burst,
            Duration shardMapRefresh, Double share) {
    }

    static PublishSettings read(AppProperties properties) {
        checkRetry(properties);
        Pacing pacing = Pacing.parse(properties.text("publish.pacing"), properties.text("publish.eventTimeColumn"),
                ZoneId.systemDefault());
        Boolean enabled = properties.text("publish.rateLimit.enabled").equalsIgnoreCase("auto") ? null
                : properties.flag("publish.rateLimit.enabled");
        Double share = properties.text("publish.rateLimit.share").equalsIgnoreCase("auto") ? null
                : properties.fraction("publish.rateLimit.share");
        return new PublishSettings(properties.text("kinesis.partitionKeyColumn"),
                properties.integer("publish.groupSize", 1, KinesisSink.MAX_RECORDS_PER_REQUEST),
                properties.integer("publish.groupBytes", 1, Integer.MAX_VALUE),
                pacing.isPaced() ? 1 : properties.integer("publish.maxInFlight", 1, 64),
                properties.duration("publish.progressInterval"), pacing,
                properties.flag("publish.dropUnnamedIndexColumn"),
                properties.duration("publish.recordTimeout"),
                new ReadLock(properties.duration("publish.readLock.minAge"),
                        properties.positiveDuration("publish.readLock.checkInterval"),
                        properties.positiveDuration("publish.readLock.timeout")),
                new RateLimit(enabled, properties.integer("publish.rateLimit.recordsPerShardPerSecond", 1, 1_000_000),
                        properties.integer("publish.rateLimit.bytesPerShardPerSecond", 1, Integer.MAX_VALUE),
                        properties.duration("publish.rateLimit.burst"),
                        properties.positiveDuration("publish.rateLimit.shardMapRefresh"), share),
                republishArchivedCopies(properties), outageMaxWait(properties), aggregateBytes(properties));
    }

    /** publish.aggregation: none, or kpl with aggregated records of publish.aggregation.maxBytes at most. */
    private static int aggregateBytes(AppProperties properties) {
        String aggregation = properties.text("publish.aggregation").toLowerCase(Locale.ROOT);
        return switch (aggregation) {
            case "none" -> 0;
            case "kpl" -> properties.integer("publish.aggregation.maxBytes", 1024, 10 * 1024 * 1024);
            default -> throw new IllegalArgumentException(properties.nameOf("publish.aggregation")
                    + " must be none or kpl, was '" + aggregation + "'");
        };
    }

    /** publish.outage.maxWait: auto (no limit for a service, 5 minutes in run-once mode), none, or a duration. */
    private static Duration outageMaxWait(AppProperties properties) {
        String value = properties.text("publish.outage.maxWait");
        if (value.equalsIgnoreCase("auto")) {
            return properties.flag("app.runOnce") ? RUN_ONCE_OUTAGE_MAX_WAIT : null;
        }
        return value.equalsIgnoreCase("none") ? null : properties.positiveDuration("publish.outage.maxWait");
    }

    /**
     * publish.retry.*: the error handler's back-off (routes/error-handling.yaml) reads them; checked here so that a
     * bad one is named before anything starts.
     */
    private static void checkRetry(AppProperties properties) {
        Duration initial = properties.positiveDuration("publish.retry.initialDelay");
        properties.decimal("publish.retry.backOffMultiplier", 1, 10);
        Duration maximum = properties.positiveDuration("publish.retry.maximumDelay");
        if (maximum.compareTo(initial) < 0) {
            throw new IllegalArgumentException(String.format("%s (%s) must be at most %s (%s)",
                    properties.nameOf("publish.retry.initialDelay"), properties.text("publish.retry.initialDelay"),
                    properties.nameOf("publish.retry.maximumDelay"), properties.text("publish.retry.maximumDelay")));
        }
    }

    /** publish.archivedCopies: skip (archive a copy of an archived file without publishing it) or publish. */
    private static boolean republishArchivedCopies(AppProperties properties) {
        String value = properties.text("publish.archivedCopies");
        if (!value.equalsIgnoreCase("skip") && !value.equalsIgnoreCase("publish")) {
            throw new IllegalArgumentException("Property publish.archivedCopies must be skip or publish, was '"
                    + value + "'");
        }
        return value.equalsIgnoreCase("publish");
    }

    /**
     * How far past the file's checkpoint a group may start, in rows: the groups in flight. A crash sends at most
     * these again.
     */
    long rowsAhead() {
        return (long) maxInFlight * groupSize;
    }
}
