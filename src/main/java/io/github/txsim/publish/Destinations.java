package io.github.txsim.publish;

import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/**
 * The kinds of destination there are, found by Java's {@link ServiceLoader} (each listed in
 * {@code META-INF/services/io.github.txsim.publish.DestinationType}), and the one {@code publish.sink} chooses: the
 * one place the service, {@code verify} and the settings' checks ask.
 */
public final class Destinations {

    /** The setting that names the destination. */
    public static final String SINK = "publish.sink";

    private final List<DestinationType> types;

    private Destinations(List<DestinationType> types) {
        this.types = List.copyOf(types);
    }

    /** Every destination on the class path. */
    public static Destinations available() {
        return new Destinations(ServiceLoader.load(DestinationType.class).stream().map(ServiceLoader.Provider::get)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList());
    }

    /** The names there are, such as {@code [kafka, kinesis]}. */
    public List<String> names() {
        return types.stream().map(DestinationType::name).toList();
    }

    /**
     * The destination of this name, in any case.
     *
     * @throws IllegalArgumentException naming the destinations there are
     */
    public DestinationType named(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return types.stream().filter(type -> type.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Property " + SINK + " must be " + sink().expected()
                        + ", was '" + name + "'"));
    }

    /** {@code publish.sink}: the name of one of these destinations. */
    public Setting<String> sink() {
        return Setting.oneOf(SINK, names());
    }

    /** Every destination's own settings. */
    public List<Setting<?>> settings() {
        return types.stream().flatMap(type -> type.settings().stream()).toList();
    }

    /** The destination {@code publish.sink} chooses. */
    public DestinationType chosen(Settings settings) {
        return named(settings.get(sink()));
    }
}
