package io.github.txsim.app;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.github.txsim.publish.Pacing;
import io.github.txsim.publish.RequestLimits;
import io.github.txsim.publish.RetryPolicy;
import io.github.txsim.settings.Setting;
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

    static final Setting<String> PARTITION_KEY_COLUMN = Setting.text("publish.partitionKeyColumn");
    static final Setting<Integer> GROUP_BYTES = Setting.integer("publish.groupBytes", 1, Integer.MAX_VALUE);
    static final Setting<Integer> MAX_IN_FLIGHT = Setting.integer("publish.maxInFlight", 1, 64);
    static final Setting<Duration> PROGRESS_INTERVAL = Setting.duration("publish.progressInterval");
    static final Setting<String> PACING = Setting.of("publish.pacing", Pacing.EXPECTED, String.class, value -> {
        Pacing.parse(value, "", ZoneId.systemDefault());
        return value;
    });
    static final Setting<String> EVENT_TIME_COLUMN = Setting.text("publish.eventTimeColumn");
    static final Setting<Boolean> DROP_UNNAMED_INDEX_COLUMN = Setting.flag("publish.dropUnnamedIndexColumn");
    static final Setting<Duration> READ_LOCK_MIN_AGE = Setting.duration("publish.readLock.minAge");
    static final Setting<Duration> READ_LOCK_CHECK_INTERVAL = Setting.positiveDuration(
            "publish.readLock.checkInterval");
    static final Setting<Duration> READ_LOCK_TIMEOUT = Setting.positiveDuration("publish.readLock.timeout");
    static final Setting<String> ARCHIVED_COPIES = Setting.oneOf("publish.archivedCopies", List.of("skip", "publish"));
    static final Setting<Duration> RECORD_TIMEOUT = Setting.duration("publish.recordTimeout");
    static final Setting<Duration> INITIAL_DELAY = Setting.positiveDuration("publish.retry.initialDelay");
    static final Setting<Double> BACK_OFF_MULTIPLIER = Setting.decimal("publish.retry.backOffMultiplier", 1, 10);
    static final Setting<Duration> MAXIMUM_DELAY = Setting.positiveDuration("publish.retry.maximumDelay");
    /** auto (no limit for a service, 5 minutes in run-once mode), none, or a duration. */
    static final Setting<Optional<Optional<Duration>>> OUTAGE_MAX_WAIT = Setting.positiveDuration(
            "publish.outage.maxWait").orWord("none").orWord("auto");

    /** At most the records that every destination takes in one request; a destination may take fewer. */
    private static final int MAX_GROUP_SIZE = 10_000;

    /** publish.groupSize, at most {@code max} rows. */
    static Setting<Integer> groupSize(int max) {
        return Setting.integer("publish.groupSize", 1, max);
    }

    static final List<Setting<?>> SETTINGS = List.of(PARTITION_KEY_COLUMN, groupSize(MAX_GROUP_SIZE), GROUP_BYTES,
            MAX_IN_FLIGHT, PROGRESS_INTERVAL, PACING, EVENT_TIME_COLUMN, DROP_UNNAMED_INDEX_COLUMN, READ_LOCK_MIN_AGE,
            READ_LOCK_CHECK_INTERVAL, READ_LOCK_TIMEOUT, ARCHIVED_COPIES, RECORD_TIMEOUT, INITIAL_DELAY,
            BACK_OFF_MULTIPLIER, MAXIMUM_DELAY, OUTAGE_MAX_WAIT);

    /**
     * @param limits  what the destination takes in one request: a group is at most that many rows
     * @param runOnce whether the application runs once (app.runOnce), for publish.outage.maxWait=auto
     */
    static PublishSettings read(Settings settings, RequestLimits limits, boolean runOnce) {
        Pacing pacing = Pacing.parse(settings.get(PACING), settings.get(EVENT_TIME_COLUMN), ZoneId.systemDefault());
        return new PublishSettings(settings.get(PARTITION_KEY_COLUMN), settings.get(groupSize(limits.records())),
                settings.get(GROUP_BYTES), pacing.isPaced() ? 1 : settings.get(MAX_IN_FLIGHT),
                settings.get(PROGRESS_INTERVAL), pacing, settings.get(DROP_UNNAMED_INDEX_COLUMN),
                new ReadLock(settings.get(READ_LOCK_MIN_AGE), settings.get(READ_LOCK_CHECK_INTERVAL),
                        settings.get(READ_LOCK_TIMEOUT)),
                settings.get(ARCHIVED_COPIES).equals("publish"), retry(settings, runOnce));
    }

    /** publish.recordTimeout, publish.retry.* (the back-off) and publish.outage.maxWait. */
    private static RetryPolicy retry(Settings settings, boolean runOnce) {
        Duration outageMaxWait = settings.get(OUTAGE_MAX_WAIT)
                .orElse(runOnce ? Optional.of(RUN_ONCE_OUTAGE_MAX_WAIT) : Optional.empty()).orElse(null);
        return new RetryPolicy(settings.get(RECORD_TIMEOUT), settings.get(INITIAL_DELAY),
                settings.get(BACK_OFF_MULTIPLIER), settings.get(MAXIMUM_DELAY), outageMaxWait);
    }

    /**
     * How far past the file's checkpoint a group may start, in rows: the groups in flight. A crash sends at most
     * these again.
     */
    long rowsAhead() {
        return (long) maxInFlight * groupSize;
    }
}
