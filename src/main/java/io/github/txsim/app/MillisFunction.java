package io.github.txsim.app;

import org.apache.camel.spi.PropertiesFunction;

/**
 * The placeholder function {@code {{millis:KEY}}}: the value of property KEY, a duration such as {@code 2s}, in
 * milliseconds. The routes use it for every duration they pass to an endpoint, so a value that is not a duration
 * stops the start with the key and the value named, rather than with an endpoint's parsing error.
 */
final class MillisFunction implements PropertiesFunction {

    private final AppProperties properties;

    MillisFunction(AppProperties properties) {
        this.properties = properties;
    }

    @Override
    public String getName() {
        return "millis";
    }

    @Override
    public String apply(String remainder) {
        return Long.toString(properties.duration(remainder.strip()).toMillis());
    }
}
