package io.github.txsim.app;

import java.time.Duration;
import java.time.ZoneId;

import io.github.txsim.kinesis.Pacing;
import io.github.txsim.kinesis.RecordRetry;
import io.github.txsim.kinesis.RecordSender;

/**
 * The publisher's settings ({@code publish.*}, and the partition-key column), read once at start-up.
 *
 * @param maxInFlight              groups published at once: publish.maxInFlight, or one when paced
 * @param republishArchivedCopies whether a copy of a file archived earlier is published again
 *                                (publish.archivedCopies=publish) or archived without publishing (skip)
 * @param outageMaxWait            how long publishing waits for a stream that cannot take records before the
 *                                application stops (publish.outage.maxWait); null for no limit
 */
record PublishSettings(String partitionKeyColumn, int groupSize, long groupBytes, int maxInFlight,
        Duration progressInterval, Pacing pacing, boolean dropUnnamedIndexColumn, RecordRetry recordRetry,
        ReadLock readLock, RateLimit rateLimit, boolean republishArchivedCopies, Duration outageMaxWait) {

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
        checkRedelivery(properties);
        Pacing pacing = Pacing.parse(properties.text("publish.pacing"), properties.text("publish.eventTimeColumn"),
                ZoneId.systemDefault());
        Boolean enabled = properties.text("publish.rateLimit.enabled").equalsIgnoreCase("auto") ? null
                : properties.flag("publish.rateLimit.enabled");
        Double share = properties.text("publish.rateLimit.share").equalsIgnoreCase("auto") ? null
                : properties.fraction("publish.rateLimit.share");
        return new PublishSettings(properties.text("kinesis.partitionKeyColumn"),
                properties.integer("publish.groupSize", 1, RecordSender.MAX_RECORDS_PER_REQUEST),
                properties.integer("publish.groupBytes", 1, Integer.MAX_VALUE),
                pacing.isPaced() ? 1 : properties.integer("publish.maxInFlight", 1, 64),
                properties.duration("publish.progressInterval"), pacing,
                properties.flag("publish.dropUnnamedIndexColumn"),
                new RecordRetry(properties.integer("publish.recordRetry.attempts", 1, 100),
                        properties.duration("publish.recordRetry.baseDelay"),
                        properties.duration("publish.recordRetry.maxDelay")),
                new ReadLock(properties.duration("publish.readLock.minAge"),
                        properties.duration("publish.readLock.checkInterval"),
                        properties.duration("publish.readLock.timeout")),
                new RateLimit(enabled, properties.integer("publish.rateLimit.recordsPerShardPerSecond", 1, 1_000_000),
                        properties.integer("publish.rateLimit.bytesPerShardPerSecond", 1, Integer.MAX_VALUE),
                        properties.duration("publish.rateLimit.burst"),
                        properties.duration("publish.rateLimit.shardMapRefresh"), share),
                republishArchivedCopies(properties), outageMaxWait(properties));
    }

    /** publish.outage.maxWait: auto (no limit for a service, 5 minutes in run-once mode), none, or a duration. */
    private static Duration outageMaxWait(AppProperties properties) {
        String value = properties.text("publish.outage.maxWait");
        if (value.equalsIgnoreCase("auto")) {
            return properties.flag("app.runOnce") ? RUN_ONCE_OUTAGE_MAX_WAIT : null;
        }
        return value.equalsIgnoreCase("none") ? null : properties.duration("publish.outage.maxWait");
    }

    /**
     * publish.redelivery.*: Camel's error handler reads them (routes/error-handling.yaml); checked here so that a bad
     * one is named before anything starts.
     */
    private static void checkRedelivery(AppProperties properties) {
        properties.integer("publish.redelivery.maximumRedeliveries", 0, 1_000);
        properties.duration("publish.redelivery.initialDelay");
        properties.decimal("publish.redelivery.backOffMultiplier", 0, 100);
        properties.duration("publish.redelivery.maximumDelay");
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
