package io.github.txsim.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import io.github.txsim.rows.EventTimes;
import io.github.txsim.rows.SourceRow;

/**
 * When records go out ({@code publish.pacing}), one of four strategies, each making a {@link Pace} per file that
 * holds what it remembers of that file:
 * <ul>
 * <li>{@link Max}: as fast as the destination allows;</li>
 * <li>{@link Realtime}: when the wall clock reaches the record's event time (in the machine's time zone); records
 * whose time has passed go at once, so today's file becomes a live feed of today's payments;</li>
 * <li>{@link SpeedUp}: event time runs k times faster than wall time from the file's first record (k = 60 plays an
 * hour of payments in a minute);</li>
 * <li>{@link Rate}: N records a second, across files, whatever their event times.</li>
 * </ul>
 * A record whose event time cannot be read goes at once.
 */
public sealed interface Pacing {

    /** Due at once. */
    Instant NOW = Instant.MIN;
    /** {@code rate:5000}: 5,000 records a second. */
    String RATE_PREFIX = "rate:";
    /** What {@code publish.pacing} may be. */
    String EXPECTED = "max, realtime, a speed-up factor above 0 or rate:N (N records a second, above 0)";

    /** When each record of one file is due. */
    interface Pace {
        Instant due(SourceRow row);

        /**
         * The event time this pace has reached at a wall time: what a record due then carries, so that what becomes
         * known in event time (a label) goes out when it would have; null for a pace that does not follow event time.
         */
        default LocalDateTime eventTimeAt(Instant wall) {
            return null;
        }
    }

    /** The pace of a file whose first record goes out now. */
    Pace startFile(Clock clock);

    /** Whether records may have to wait for their time (then groups go one at a time, in file order). */
    default boolean isPaced() {
        return true;
    }

    /** The rate this pacing aims at, for progress lines, such as {@code a target of 5,000 records/s}; or null. */
    default String target() {
        return null;
    }

    /**
     * Reads {@code max}, {@code realtime}, a speed-up factor or {@code rate:N}.
     *
     * @param eventTimeColumn the column with each row's event time, {@code yyyy-MM-dd HH:mm:ss}
     */
    static Pacing parse(String text, String eventTimeColumn, ZoneId zone) {
        String value = text.strip();
        if (value.equalsIgnoreCase("max")) {
            return new Max();
        }
        if (value.regionMatches(true, 0, RATE_PREFIX, 0, RATE_PREFIX.length())) {
            try {
                double perSecond = Double.parseDouble(value.substring(RATE_PREFIX.length()).strip());
                if (perSecond > 0 && Double.isFinite(perSecond)) {
                    return new Rate(perSecond, new Rate.Schedule(perSecond));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
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
        throw new IllegalArgumentException("publish.pacing must be " + EXPECTED + ", was '" + text + "'");
    }

    /** As fast as the destination allows. */
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
            return new Pace() {
                @Override
                public Instant due(SourceRow row) {
                    LocalDateTime event = eventTime.of(row);
                    return event == null ? NOW : event.atZone(zone).toInstant();
                }

                @Override
                public LocalDateTime eventTimeAt(Instant wall) {
                    return LocalDateTime.ofInstant(wall, zone);
                }
            };
        }
    }

    /** Event time {@code factor} times faster than wall time, from the file's first record paced. */
    record SpeedUp(double factor, EventTime eventTime) implements Pacing {
        @Override
        public Pace startFile(Clock clock) {
            AtomicReference<Origin> origin = new AtomicReference<>();
            return new Pace() {
                @Override
                public Instant due(SourceRow row) {
                    LocalDateTime event = eventTime.of(row);
                    if (event == null) {
                        return NOW;
                    }
                    origin.compareAndSet(null, new Origin(event, clock.instant()));
                    long eventNanos = Duration.between(origin.get().event(), event).toNanos();
                    return origin.get().wall().plusNanos((long) (eventNanos / factor));
                }

                @Override
                public LocalDateTime eventTimeAt(Instant wall) {
                    Origin from = origin.get();
                    return from == null ? null : from.event().plusNanos(
                            (long) (Duration.between(from.wall(), wall).toNanos() * factor));
                }
            };
        }

        /** The event time and wall time a speed-up counts from. */
        private record Origin(LocalDateTime event, Instant wall) {
        }
    }

    /**
     * N records a second, across files, whatever their event times: record k of the run is due 1/N s after record
     * k-1. A schedule that fell behind by more than {@link Schedule#CATCH_UP} (the shards were slower, or no file
     * came for a while) starts again from now rather than sending a burst to catch up.
     */
    record Rate(double perSecond, Schedule schedule) implements Pacing {
        @Override
        public Pace startFile(Clock clock) {
            // the sender asks for a row's due time more than once: the row it asked about last keeps its time
            return new Pace() {
                private SourceRow last;
                private Instant lastDue;

                @Override
                public Instant due(SourceRow row) {
                    if (row != last) {
                        last = row;
                        lastDue = schedule.next(clock);
                    }
                    return lastDue;
                }
            };
        }

        @Override
        public String target() {
            return String.format("a target of %,.0f records/s", perSecond);
        }

        /** The run's schedule, shared by its files. */
        static final class Schedule {
            static final Duration CATCH_UP = Duration.ofSeconds(1);
            private final long intervalNanos;
            private Instant next;

            Schedule(double perSecond) {
                this.intervalNanos = Math.max(1, Math.round(1e9 / perSecond));
            }

            synchronized Instant next(Clock clock) {
                Instant now = clock.instant();
                if (next == null || next.isBefore(now.minus(CATCH_UP))) {
                    next = now;
                }
                Instant due = next;
                next = next.plusNanos(intervalNanos);
                return due;
            }
        }
    }

    /** A row's event time, from its event-time column; null when the file has no such column or it cannot be read. */
    record EventTime(String column) {
        LocalDateTime of(SourceRow row) {
            String value = row.get(column);
            return value == null ? null : EventTimes.parse(value.strip());
        }
    }
}
