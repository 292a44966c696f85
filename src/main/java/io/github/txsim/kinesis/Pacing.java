package io.github.txsim.kinesis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.txsim.rows.SourceRow;

/**
 * When records go out ({@code publish.pacing}), one of three strategies, each making a {@link Pace} per file that
 * holds what it remembers of that file:
 * <ul>
 * <li>{@link Max}: as fast as the stream allows;</li>
 * <li>{@link Realtime}: when the wall clock reaches the record's event time (in the machine's time zone); records
 * whose time has passed go at once, so today's file becomes a live feed of today's payments;</li>
 * <li>{@link SpeedUp}: event time runs k times faster than wall time from the file's first record (k = 60 plays an
 * hour of payments in a minute).</li>
 * </ul>
 * A record whose event time cannot be read goes at once.
 */
public sealed interface Pacing {

    /** Due at once. */
    Instant NOW = Instant.MIN;

    /** When each record of one file is due. */
    interface Pace {
        Instant due(SourceRow row);
    }

    /** The pace of a file whose first record goes out now. */
    Pace startFile(Clock clock);

    /** Whether records may have to wait for their time (then groups go one at a time, in file order). */
    default boolean isPaced() {
        return true;
    }

    /**
     * Reads {@code max}, {@code realtime} or a speed-up factor.
     *
     * @param eventTimeColumn the column with each row's event time, {@code yyyy-MM-dd HH:mm:ss}
     */
    static Pacing parse(String text, String eventTimeColumn, ZoneId zone) {
        String value = text.strip();
        if (value.equalsIgnoreCase("max")) {
            return new Max();
        }
        EventTime eventTime = new EventTime(eventTimeColumn);
        if (value.equalsIgnoreCase("realtime")) {
            return new Realtime(eventTime, zone);
        }
        try {
            double factor = Double.parseDouble(value);
            if (factor > 0 && Double.isFinite(factor)) {
                return new SpeedUp(factor, eventTime);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "publish.pacing must be max, realtime or a speed-up factor above 0, was '" + text + "'");
    }

    /** As fast as the stream allows. */
    record Max() implements Pacing {
        @Override
        public Pace startFile(Clock clock) {
            return row -> NOW;
        }

        @Override
        public boolean isPaced() {
            return false;
        }
    }

    /** Each record at its event time. */
    record Realtime(EventTime eventTime, ZoneId zone) implements Pacing {
        @Override
        public Pace startFile(Clock clock) {
            return row -> {
                LocalDateTime event = eventTime.of(row);
                return event == null ? NOW : event.atZone(zone).toInstant();
            };
        }
    }

    /** Event time {@code factor} times faster than wall time, from the file's first record paced. */
    record SpeedUp(double factor, EventTime eventTime) implements Pacing {
        @Override
        public Pace startFile(Clock clock) {
            AtomicReference<Origin> origin = new AtomicReference<>();
            return row -> {
                LocalDateTime event = eventTime.of(row);
                if (event == null) {
                    return NOW;
                }
                origin.compareAndSet(null, new Origin(event, clock.instant()));
                long eventNanos = Duration.between(origin.get().event(), event).toNanos();
                return origin.get().wall().plusNanos((long) (eventNanos / factor));
            };
        }

        /** The event time and wall time a speed-up counts from. */
        private record Origin(LocalDateTime event, Instant wall) {
        }
    }

    /** A row's event time, from its event-time column; null when the file has no such column or it cannot be read. */
    record EventTime(String column) {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        LocalDateTime of(SourceRow row) {
            String value = row.get(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(value, FORMAT);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
