package io.github.txsim.settings;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.apache.camel.spi.PropertiesComponent;

/**
 * The values of the application's settings, each read as its {@link Setting} declares and refused with a message that
 * says which key is wrong and why. The service reads them through Camel's properties component, a command
 * through its options over {@link CommandSettings}: either way a system property (-D) overrides an environment
 * variable, which overrides application.properties.
 */
public final class Settings {

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

    /**
     * The setting's value, read as it declares.
     *
     * @throws IllegalArgumentException naming the setting, what it must be, and the value, when the value is refused or
     *                                  missing
     */
    public <T> T get(Setting<T> setting) {
        if (setting.whenBlank() != null && optionalText(setting.key()).isEmpty()) {
            return setting.whenBlank();
        }
        String value = text(setting.key());
        try {
            return setting.reading().apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(named.apply(setting.key()) + " must be " + setting.expected()
                    + ", was '" + value + "'");
        }
    }
}
