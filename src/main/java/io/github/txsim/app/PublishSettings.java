package io.github.txsim.app;

import java.time.Duration;
import java.time.ZoneId;

import io.github.txsim.publish.Pacing;
import io.github.txsim.publish.RequestLimits;
import io.github.txsim.publish.RetryPolicy;
import io.github.txsim.settings.Settings;

/**
 * The publisher's settings ({@code publish.*}), what every destination shares, read once at start-up.
 *
 * @param maxInFlight              groups published at once: publish.maxInFlight, or one when paced
 * @param republishArchivedCopies whether a copy of a file archived earlier is published again
 *                                (publish.archivedCopies=publish) or archived without publishing (skip)
 * @param retry                    the one retry policy (publish.recordTimeout, publish.retry.*,
 *                                 publish.outage.maxWait)
 */
record PublishSettings(String partitionKeyColumn, int groupSize, long groupBytes, int maxInFlight,
        Duration progressInterval, Pacing pacing, boolean dropUnnamedIndexColumn, ReadLock readLock,
        boolean republishArchivedCopies, RetryPolicy retry) {

    /** publish.outage.maxWait=auto in run-once mode: a batch job ends rather than wait for long. */
    static final Duration RUN_ONCE_OUTAGE_MAX_WAIT = Duration.ofMinutes(5);
    /** When a file of the source folder is taken (publish.readLock.*). */
    record ReadLock(Duration minAge, Duration checkInterval, Duration timeout) {
    }

    /** @param limits what the destination takes in one request: a group is at most that many rows */
    static PublishSettings read(Settings properties, RequestLimits limits) {
        Pacing pacing = Pacing.parse(properties.text("publish.pacing"), properties.text("publish.eventTimeColumn"),
                ZoneId.systemDefault());
        return new PublishSettings(properties.text("publish.partitionKeyColumn"),
                properties.integer("publish.groupSize", 1, limits.records()),
                properties.integer("publish.groupBytes", 1, Integer.MAX_VALUE),
                pacing.isPaced() ? 1 : properties.integer("publish.maxInFlight", 1, 64),
                properties.duration("publish.progressInterval"), pacing,
                properties.flag("publish.dropUnnamedIndexColumn"),
                new ReadLock(properties.duration("publish.readLock.minAge"),
                        properties.positiveDuration("publish.readLock.checkInterval"),
                        properties.positiveDuration("publish.readLock.timeout")),
                republishArchivedCopies(properties), retry(properties));
    }

    /** publish.outage.maxWait: auto (no limit for a service, 5 minutes in run-once mode), none, or a duration. */
    private static Duration outageMaxWait(Settings properties) {
        String value = properties.text("publish.outage.maxWait");
        if (value.equalsIgnoreCase("auto")) {
            return properties.flag("app.runOnce") ? RUN_ONCE_OUTAGE_MAX_WAIT : null;
        }
        return value.equalsIgnoreCase("none") ? null : properties.positiveDuration("publish.outage.maxWait");
    }

    /** publish.recordTimeout, publish.retry.* (the back-off) and publish.outage.maxWait. */
    private static RetryPolicy retry(Settings properties) {
        Duration initial = properties.positiveDuration("publish.retry.initialDelay");
        double multiplier = properties.decimal("publish.retry.backOffMultiplier", 1, 10);
        Duration maximum = properties.positiveDuration("publish.retry.maximumDelay");
        if (maximum.compareTo(initial) < 0) {
            throw new IllegalArgumentException(String.format("%s (%s) must be at most %s (%s)",
                    properties.nameOf("publish.retry.initialDelay"), properties.text("publish.retry.initialDelay"),
                    properties.nameOf("publish.retry.maximumDelay"), properties.text("publish.retry.maximumDelay")));
        }
        return new RetryPolicy(properties.duration("publish.recordTimeout"), initial, multiplier, maximum,
                outageMaxWait(properties));
    }

    /** publish.archivedCopies: skip (archive a copy of an archived file without publishing it) or publish. */
    private static boolean republishArchivedCopies(Settings properties) {
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
