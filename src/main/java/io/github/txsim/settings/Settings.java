package io.github.txsim.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.camel.spi.PropertiesComponent;

/**
 * The one reading and validation of the application's settings: each key read here is checked here, with a message
 * that says which key is wrong and why. The service reads them through Camel's properties component, a command
 * through its options over {@link CommandSettings}: either way a system property (-D) overrides an environment
 * variable, which overrides application.properties.
 */
public final class Settings {

    private static final String DURATION_EXPECTED = "a duration with its unit, such as 500ms, 10s, 2m or 1h30m";

    private final Function<String, Optional<String>> values;
    private final UnaryOperator<String> named;

    /** The service's settings: Camel's properties (application.properties, environment, system properties). */
    public Settings(PropertiesComponent properties) {
        this(properties::resolveProperty, key -> "Property " + key);
    }

    /**
     * @param values the value of each key, if it has one
     * @param named  how a message names the setting of a key ({@code Property simulator.customers}, or a command's
     *               option, {@code --customers})
     */
    public Settings(Function<String, Optional<String>> values, UnaryOperator<String> named) {
        this.values = values;
        this.named = named;
    }

    /** These settings, with {@code key} set to {@code value} (a command's option over the key's setting). */
    public Settings with(String key, String value) {
        return new Settings(k -> k.equals(key) ? Optional.of(value) : values.apply(k), named);
    }

    /** How messages name the setting of a key, such as {@code Property simulator.customers} or {@code --customers}. */
    public String nameOf(String key) {
        return named.apply(key);
    }

    /** Whether the key has a value, empty or not. */
    public boolean isSet(String key) {
        return values.apply(key).isPresent();
    }

    /** The key's value, or empty when it has none. */
    public String optionalText(String key) {
        return values.apply(key).map(String::strip).orElse("");
    }

    public String text(String key) {
        return values.apply(key).map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException(
                        named.apply(key) + " is not set: add it to application.properties"));
    }

    public int integer(String key, int min, int max) {
        return parsed(key, String.format("a whole number from %,d to %,d", min, max), value -> {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException("out of range");
            }
            return number;
        });
    }

    public long wholeNumber(String key) {
        return parsed(key, "a whole number", Long::parseLong);
    }

    public double decimal(String key) {
        return parsed(key, "a number", Double::parseDouble);
    }

    /** A number above {@code above} and at most {@code max}. */
    public double decimal(String key, double above, double max) {
        return within(key, above, max, "");
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** A share: a number above 0 and at most 1. */
    public double fraction(String key) {
        return within(key, 0, 1, ", such as 0.5");
    }

    private double within(String key, double above, double max, String example) {
        String expected = String.format("a number above %s and at most %s%s", number(above), number(max), example);
        return parsed(key, expected, value -> {
            double number = Double.parseDouble(value);
            if (!(number > above && number <= max)) {
                throw new IllegalArgumentException("out of range");
            }
            return number;
        });
    }

    public boolean flag(String key) {
        return parsed(key, "true or false", value -> {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("not a boolean");
            }
            return Boolean.parseBoolean(value);
        });
    }

    /**
     * A duration: whole numbers each with its unit, largest first, such as {@code 500ms}, {@code 10s}, {@code 2m} or
     * {@code 1h30m} (units d, h, m, s, ms); {@code 0} alone may go without one. Anything else is refused: Camel's own
     * reading ({@code TimeUtils}) takes {@code abc}, {@code forever} and {@code -5m} for 0 and {@code 1h30} for an
     * hour, and a bare number is ambiguous (is {@code 1000} a second or 17 minutes?).
     */
    public Duration duration(String key) {
        return parsed(key, DURATION_EXPECTED, Durations::parse);
    }

    /** A duration above 0 ({@link #duration}), for the settings where 0 means nothing sensible. */
    public Duration positiveDuration(String key) {
        return parsed(key, DURATION_EXPECTED + ", above 0", value -> {
            Duration duration = Durations.parse(value);
            if (duration.isZero()) {
                throw new IllegalArgumentException("zero");
            }
            return duration;
        });
    }

    public LocalDate date(String key) {
        return parsed(key, "a date (YYYY-MM-DD)", LocalDate::parse);
    }

    private <T> T parsed(String key, String expected, Function<String, T> parser) {
        String value = text(key);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(named.apply(key) + " must be " + expected + ", was '" + value + "'");
        }
    }

    /** A folder or file setting, relative ones resolved against the working directory. */
    public Path path(String key) {
        return Path.of(text(key)).toAbsolutePath().normalize();
    }
}
