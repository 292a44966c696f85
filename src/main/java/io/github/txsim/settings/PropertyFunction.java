package io.github.txsim.settings;

import java.util.function.Function;

import org.apache.camel.spi.PropertiesFunction;

/**
 * A placeholder function of the routes, {@code {{NAME:KEY}}}: the value of property KEY read as the application reads
 * its settings ({@link Settings}), so that a bad value stops the start with the key and the value named:
 * <ul>
 * <li>{@code {{path:KEY}}}: an absolute path, a relative one resolved against the working directory (the file
 * component reads a relative {@code move} target as relative to the folder it consumes);</li>
 * <li>{@code {{millis:KEY}}}: a duration such as {@code 2s}, in milliseconds, for endpoint options that take
 * milliseconds.</li>
 * </ul>
 */
public final class PropertyFunction implements PropertiesFunction {

    private final String name;
    private final Function<String, String> read;

    private PropertyFunction(String name, Function<String, String> read) {
        this.name = name;
        this.read = read;
    }

    public static PropertyFunction path(Settings properties) {
        return new PropertyFunction("path", key -> properties.path(key).toString());
    }

    public static PropertyFunction millis(Settings properties) {
        return new PropertyFunction("millis", key -> Long.toString(properties.duration(key).toMillis()));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String apply(String remainder) {
        return read.apply(remainder.strip());
    }
}
