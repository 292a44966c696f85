package io.github.txsim.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.apache.camel.spi.PropertiesFunction;

/**
 * A placeholder function of the routes, {@code {{NAME:KEY}}}: the value of setting KEY read as its {@link Setting}
 * declares, so that a bad value stops the start with the key and the value named, and a key that is not a setting of
 * the function's type is refused ({@link SettingTable#typed}):
 * <ul>
 * <li>{@code {{path:KEY}}}: an absolute path, a relative one resolved against the working directory (the file
 * component reads a relative {@code move} target as relative to the folder it consumes);</li>
 * <li>{@code {{millis:KEY}}}: a duration such as {@code 2s}, in milliseconds, for endpoint options that take
 * milliseconds.</li>
 * </ul>
 */
public final class PropertyFunction implements PropertiesFunction {

    static final String PATH = "path";
    static final String MILLIS = "millis";

    private final String name;
    private final Function<String, String> read;

    private PropertyFunction(String name, Function<String, String> read) {
        this.name = name;
        this.read = read;
    }

    public static PropertyFunction path(SettingTable table, Settings values) {
        return new PropertyFunction(PATH, key -> values.<Path>get(table.typed(key, PATH, "A route")).toString());
    }

    public static PropertyFunction millis(SettingTable table, Settings values) {
        return new PropertyFunction(MILLIS,
                key -> Long.toString(values.<Duration>get(table.typed(key, MILLIS, "A route")).toMillis()));
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
