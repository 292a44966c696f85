package io.github.txsim.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.function.Function;

import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.util.TimeUtils;

/**
 * Reads the application's settings through Camel's properties component (so environment variables and system
 * properties override application.properties) and says clearly which key is wrong and why.
 */
final class AppProperties {

    private final PropertiesComponent properties;

    AppProperties(PropertiesComponent properties) {
        this.properties = properties;
    }

    String text(String key) {
        return properties.resolveProperty(key).map(String::strip).filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Property " + key + " is not set: add it to application.properties"));
    }

    int integer(String key, int min, int max) {
        return parsed(key, String.format("a whole number from %,d to %,d", min, max), value -> {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new IllegalArgumentException("out of range");
            }
            return number;
        });
    }

    long wholeNumber(String key) {
        return parsed(key, "a whole number", Long::parseLong);
    }

    double decimal(String key) {
        return parsed(key, "a number", Double::parseDouble);
    }

    /** A share: a number above 0 and at most 1. */
    double fraction(String key) {
        return parsed(key, "a number above 0 and at most 1, such as 0.5", value -> {
            double number = Double.parseDouble(value);
            if (!(number > 0 && number <= 1)) {
                throw new IllegalArgumentException("out of range");
            }
            return number;
        });
    }

    boolean flag(String key) {
        return parsed(key, "true or false", value -> {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("not a boolean");
            }
            return Boolean.parseBoolean(value);
        });
    }

    /** A duration such as {@code 10s}, {@code 1m} or {@code 500} (milliseconds). */
    Duration duration(String key) {
        return parsed(key, "a duration such as 10s, 1m or 500 (milliseconds)", TimeUtils::toDuration);
    }

    LocalDate date(String key) {
        return parsed(key, "a date (YYYY-MM-DD)", LocalDate::parse);
    }

    private <T> T parsed(String key, String expected, Function<String, T> parser) {
        String value = text(key);
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Property " + key + " must be " + expected + ", was '" + value + "'");
        }
    }

    /** A folder or file setting, relative ones resolved against the working directory. */
    Path path(String key) {
        return Path.of(text(key)).toAbsolutePath().normalize();
    }
}
