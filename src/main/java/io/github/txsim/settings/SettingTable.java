package io.github.txsim.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting of the application, each declared once by the area that reads it: the one list that start-up checks
 * the values against ({@link #check}), that refuses a key which is not a setting, and that the routes' placeholders
 * must name ({@link #checkPlaceholders}). The keys are those of application.properties, which gives each its default
 * and its documentation; a test holds the two lists equal.
 */
public final class SettingTable {

    /** {@code {{KEY}}}, {@code {{FUNCTION:KEY}}}, either with {@code |default}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(?:(\\w+):)?([^}|]+)(?:\\|[^}]*)?}}");

    private final Set<String> prefixes;
    private final Map<String, Setting<?>> settings;

    /**
     * @param prefixes the application's: every key under one of them ({@code publish} for {@code publish.*}) is one
     *                 of its settings, or a mistake
     */
    public SettingTable(Set<String> prefixes, Collection<Setting<?>> settings) {
        this.prefixes = Set.copyOf(prefixes);
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            if (!isOurs(setting.key()) || byKey.put(setting.key(), setting) != null) {
                throw new IllegalStateException(setting.key() + " is declared twice or outside " + prefixes);
            }
        }
        this.settings = Map.copyOf(byKey);
    }

    public Set<String> keys() {
        return settings.keySet();
    }

    /** Whether the key lies under one of the application's prefixes (then it must be one of its settings). */
    public boolean isOurs(String key) {
        int dot = key.indexOf('.');
        return dot > 0 && prefixes.contains(key.substring(0, dot));
    }

    /**
     * Reads every setting that has a value, so that a value refused anywhere stops the start before anything runs,
     * even a setting that this run's choices do not read (a Kafka setting while publishing to Kinesis).
     *
     * @throws IllegalArgumentException naming the first setting refused, what it must be, and its value
     */
    public void check(Settings values) {
        settings.values().stream().filter(setting -> values.isSet(setting.key())).sorted(
                (a, b) -> a.key().compareTo(b.key())).forEach(values::get);
    }

    /**
     * Checks a route's placeholders: each under the application's prefixes must name a setting, and one read through
     * {@code millis:} a duration, one through {@code path:} a path. Others (Camel's, {@code {{env:HOME}}}) are Camel's
     * to resolve.
     *
     * @param route how a message names the route, such as {@code routes/publish.yaml}
     * @throws IllegalArgumentException naming the route and the placeholder refused
     */
    public void checkPlaceholders(String route, String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            String function = placeholder.group(1);
            String key = placeholder.group(2).strip();
            boolean ours = function == null ? isOurs(key)
                    : function.equals(PropertyFunction.MILLIS) || function.equals(PropertyFunction.PATH);
            if (ours && !settings.containsKey(key)) {
                throw new IllegalArgumentException(String.format("%s uses %s, but %s is not a setting of this "
                        + "application (docs/configuration.md lists every key)", route, placeholder.group(), key));
            }
            if (ours && function != null) {
                typed(key, function, route);
            }
        }
    }

    /**
     * The setting of this key, for a route's placeholder function that reads its value as {@code function} does.
     *
     * @throws IllegalArgumentException when the key is not a setting, or not one of the type the function reads
     */
    <T> Setting<T> typed(String key, String function, String where) {
        Class<?> wanted = function.equals(PropertyFunction.MILLIS) ? Duration.class : Path.class;
        Setting<?> setting = settings.get(key);
        if (setting == null || setting.type() != wanted) {
            throw new IllegalArgumentException(String.format("%s uses {{%s:%s}}, but %s is not %s setting", where,
                    function, key, key, wanted == Duration.class ? "a duration" : "a path"));
        }
        @SuppressWarnings("unchecked") // its type, checked above
        Setting<T> typed = (Setting<T>) setting;
        return typed;
    }
}
