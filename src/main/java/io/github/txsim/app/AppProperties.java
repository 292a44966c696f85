package io.github.txsim.app;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.camel.spi.PropertiesComponent;

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
        String value = text(key);
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(String.format(
                "Property %s must be a whole number from %,d to %,d, was '%s'", key, min, max, value));
    }

    long wholeNumber(String key) {
        String value = text(key);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Property " + key + " must be a whole number, was '" + value + "'");
        }
    }

    double decimal(String key) {
        String value = text(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Property " + key + " must be a number, was '" + value + "'");
        }
    }

    boolean flag(String key) {
        String value = text(key);
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("Property " + key + " must be true or false, was '" + value + "'");
    }

    LocalDate date(String key) {
        String value = text(key);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Property " + key + " must be a date (YYYY-MM-DD), was '" + value + "'");
        }
    }

    /** A folder or file setting, relative ones resolved against the working directory. */
    Path path(String key) {
        return Path.of(text(key)).toAbsolutePath().normalize();
    }
}
