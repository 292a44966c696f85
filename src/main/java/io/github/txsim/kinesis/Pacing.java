package io.github.txsim.kinesis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.txsim.rows.SourceRow;

/**
 * When each record goes out ({@code publish.pacing}):
 * <ul>
 * <li>{@code max}: as fast as the stream allows;</li>
 * <li>{@code realtime}: when the wall clock reaches the record's event time (its TX_DATETIME, in the machine's time
 * zone); records whose time has passed go at once, so today's file becomes a live feed of today's payments;</li>
 * <li>a number k: event time runs k times faster than wall time from the file's first record (k = 60 plays an hour
 * of payments in a minute).</li>
 * </ul>
 * A record whose event time cannot be read goes at once.
 */
public final class Pacing {

    /** Waits, in milliseconds; a seam for tests, {@link Thread#sleep(long)} otherwise. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String description;
    private final double speedUp;
    private final boolean realtime;
    private final String eventTimeColumn;
    private final ZoneId zone;
    private final Clock clock;
    private final Sleeper sleeper;

    private Pacing(String description, boolean realtime, double speedUp, String eventTimeColumn, ZoneId zone,
            Clock clock, Sleeper sleeper) {
        this.description = description;
        this.realtime = realtime;
        this.speedUp = speedUp;
        this.eventTimeColumn = eventTimeColumn;
        this.zone = zone;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** As fast as possible. */
    public static Pacing max() {
        return new Pacing("max", false, 0, null, ZoneId.systemDefault(), Clock.systemUTC(), Thread::sleep);
    }

    /**
     * Reads {@code max}, {@code realtime} or a speed-up factor.
     *
     * @param eventTimeColumn the column with each row's event time, {@code yyyy-MM-dd HH:mm:ss}
     */
    public static Pacing parse(String text, String eventTimeColumn, ZoneId zone, Clock clock, Sleeper sleeper) {
        String value = text.strip();
        if (value.equalsIgnoreCase("max")) {
            return new Pacing("max", false, 0, eventTimeColumn, zone, clock, sleeper);
        }
        if (value.equalsIgnoreCase("realtime")) {
            return new Pacing("realtime", true, 0, eventTimeColumn, zone, clock, sleeper);
        }
        try {
            double factor = Double.parseDouble(value);
            if (factor > 0 && Double.isFinite(factor)) {
                return new Pacing(value + "x", false, factor, eventTimeColumn, zone, clock, sleeper);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "publish.pacing must be max, realtime or a speed-up factor above 0, was '" + text + "'");
    }

    public boolean isPaced() {
        return realtime || speedUp > 0;
    }

    @Override
    public String toString() {
        return description;
    }

    /** When the row's record is due; for a speed-up, the file's first row paced sets the origin. */
    Instant due(SourceRow row, FileProgress progress) {
        if (!isPaced()) {
            return Instant.MIN;
        }
        String eventTime = row.get(eventTimeColumn);
        if (eventTime == null) {
            return Instant.MIN;
        }
        LocalDateTime event;
        try {
            event = LocalDateTime.parse(eventTime, EVENT_TIME);
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
        if (realtime) {
            return event.atZone(zone).toInstant();
        }
        FileProgress.PaceOrigin origin = progress.paceOrigin(event, clock.instant());
        long eventNanos = Duration.between(origin.event(), event).toNanos();
        return origin.wall().plusNanos((long) (eventNanos / speedUp));
    }

    boolean isDue(Instant due) {
        return !due.isAfter(clock.instant());
    }

    void waitUntil(Instant due) throws InterruptedException {
        if (due.equals(Instant.MIN)) {
            return;
        }
        long millis = Duration.between(clock.instant(), due).toMillis();
        if (millis > 0) {
            sleeper.sleep(millis);
        }
    }

    /** How late a record due at this time is now, in seconds (0 when not late). */
    double lateness(Instant due) {
        if (due.equals(Instant.MIN)) {
            return 0;
        }
        return Math.max(0, Duration.between(due, clock.instant()).toMillis() / 1000.0);
    }
}
