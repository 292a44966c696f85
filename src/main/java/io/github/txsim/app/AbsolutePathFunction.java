package io.github.txsim.app;

import org.apache.camel.spi.PropertiesFunction;

/**
 * The placeholder function {@code {{path:KEY}}}: the value of property KEY as an absolute path, a relative one
 * resolved against the working directory. The routes use it for the data folders because the file component reads
 * a relative {@code move} target as relative to the folder it consumes, not to the working directory.
 */
final class AbsolutePathFunction implements PropertiesFunction {

    private final AppProperties properties;

    AbsolutePathFunction(AppProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getName() {
        return "path";
    }

    @Override
    public String apply(String remainder) {
        return properties.path(remainder.strip()).toString();
    }
}
