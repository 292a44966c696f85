package io.github.txsim.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, declared once in the record of the area that reads it (as Kafka's {@code ProducerConfig} declares each
 * of its keys): its key, what a value must be, and how a value is read. Its default and its documentation are its line
 * in application.properties, the user's control panel ({@link SettingTable} holds the two together). A value that
 * cannot be read is refused by {@link Settings#get} with the key, what was expected and the value.
 *
 * @param expected what a value must be, for messages: {@code a whole number from 1 to 500}
 * @param reading  reads a stripped value that is not empty; throws any runtime exception for one it refuses
 * @param type     what a value becomes, so that a route's {@code {{millis:KEY}}} can ask for a duration
 * @param whenBlank what an empty value stands for; null when the setting must have a value
 */
public record Setting<T>(String key, String expected, Function<String, T> reading, Class<?> type, T whenBlank) {

    private static final String DURATION_EXPECTED = "a duration with its unit, such as 500ms, 10s, 2m or 1h30m";

    /** A setting read by {@code reading}, whose value must be {@code expected}. */
    public static <T> Setting<T> of(String key, String expected, Class<?> type, Function<String, T> reading) {
        return new Setting<>(key, expected, reading, type, null);
    }

    /** Any text that is not empty. */
    public static Setting<String> text(String key) {
        return of(key, "a text", String.class, Function.identity());
    }

    /** Any text; empty when not set. */
    public static Setting<String> optionalText(String key) {
        return text(key).orBlank("");
    }

    /** One of a few words, in any case; read as the word is written here. */
    public static Setting<String> oneOf(String key, List<String> words) {
        String expected = words.size() == 1 ? words.get(0) : String.join(", ", words.subList(0, words.size() - 1))
                + " or " + words.get(words.size() - 1);
        return of(key, expected, String.class,
                value -> words.stream().filter(value::equalsIgnoreCase).findFirst().orElseThrow());
    }

    public static Setting<Integer> integer(String key, int min, int max) {
        return of(key, String.format("a whole number from %,d to %,d", min, max), Integer.class, value -> {
            int number = Integer.parseInt(value);
            return within(number, number >= min && number <= max);
        });
    }

    public static Setting<Long> wholeNumber(String key) {
        return of(key, "a whole number", Long.class, Long::parseLong);
    }

    /** A number above {@code above} and at most {@code max}. */
    public static Setting<Double> decimal(String key, double above, double max) {
        return decimal(key, above, max, "");
    }

    /** A share: a number above 0 and at most 1. */
    public static Setting<Double> fraction(String key) {
        return decimal(key, 0, 1, ", such as 0.5");
    }

    private static Setting<Double> decimal(String key, double above, double max, String example) {
        String expected = String.format("a number above %s and at most %s%s", number(above), number(max), example);
        return of(key, expected, Double.class, value -> {
            double number = Double.parseDouble(value);
            return within(number, number > above && number <= max);
        });
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static <N> N within(N number, boolean inRange) {
        if (!inRange) {
            throw new IllegalArgumentException("out of range");
        }
        return number;
    }

    public static Setting<Boolean> flag(String key) {
        return of(key, "true or false", Boolean.class, value -> {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("not a boolean");
            }
            return Boolean.parseBoolean(value);
        });
    }

    /**
     * A duration: whole numbers each with its unit, largest first, such as {@code 500ms}, {@code 10s}, {@code 2m} or
     * {@code 1h30m} (units d, h, m, s, ms); {@code 0} alone may go without one ({@link Durations}).
     */
    public static Setting<Duration> duration(String key) {
        return of(key, DURATION_EXPECTED, Duration.class, Durations::parse);
    }

    /** A duration above 0, for the settings where 0 means nothing sensible. */
    public static Setting<Duration> positiveDuration(String key) {
        return duration(key).where(duration -> !duration.isZero(), "above 0");
    }

    public static Setting<LocalDate> date(String key) {
        return of(key, "a date (YYYY-MM-DD)", LocalDate.class, LocalDate::parse);
    }

    /** A folder or file, a relative one resolved against the working directory. */
    public static Setting<Path> path(String key) {
        return of(key, "a path", Path.class, value -> Path.of(value).toAbsolutePath().normalize());
    }

    /** This setting, which may be left empty: then it is {@code value}. */
    public Setting<T> orBlank(T value) {
        return new Setting<>(key, expected, reading, type, value);
    }

    /** This setting, whose values must also pass {@code test}; {@code also} says how, after what it expected. */
    public Setting<T> where(Predicate<T> test, String also) {
        return new Setting<>(key, expected + ", " + also, value -> {
            T read = reading.apply(value);
            if (!test.test(read)) {
                throw new IllegalArgumentException("refused");
            }
            return read;
        }, type, whenBlank);
    }

    /** This setting, or {@code word} (such as {@code auto}), read as empty. */
    public Setting<Optional<T>> orWord(String word) {
        return new Setting<>(key, word + (type == Optional.class ? ", " : " or ") + expected,
                value -> value.equalsIgnoreCase(word) ? Optional.empty() : Optional.of(reading.apply(value)),
                Optional.class, null);
    }
}
