package io.github.txsim.app;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

import io.github.txsim.settings.SettingTable;

/**
 * The refusal of any key under the application's prefixes ({@code app.}, {@code folders.}, {@code simulator.},
 * {@code generator.}, {@code publish.}, {@code labels.}, and each destination's name) that is not one of its settings
 * ({@link AllSettings}): a key misspelt, or one of another version, would otherwise run as if absent. A key that was
 * retired is refused with what replaced it.
 */
final class SettingKeys {

    /**
     * The prefixes whose environment variables are checked too. APP_, KINESIS_ and KAFKA_ variables are left alone:
     * other software sets such variables (KAFKA_HEAP_OPTS, a Kubernetes service's KINESIS_SERVICE_HOST).
     */
    private static final List<String> CHECKED_IN_ENVIRONMENT = List.of("folders", "simulator", "generator", "publish",
            "labels");
    /** The keys of the two retry layers that publish.recordTimeout and publish.retry.* replaced. */
    private static final Set<String> RETRY_LAYERS = Set.of("publish.recordRetry.attempts",
            "publish.recordRetry.baseDelay", "publish.recordRetry.maxDelay", "publish.redelivery.maximumRedeliveries",
            "publish.redelivery.initialDelay", "publish.redelivery.backOffMultiplier", "publish.redelivery.maximumDelay");

    /**
     * Keys that moved, with their new names: what only one destination reads lives under its prefix, what every
     * destination shares under {@code publish.}.
     */
    private static final Map<String, String> RENAMED = renamed();

    private final SettingTable table;
    private final Set<String> known;

    SettingKeys(SettingTable table) {
        this.table = table;
        this.known = table.keys();
    }

    private static Map<String, String> renamed() {
        Map<String, String> renamed = new TreeMap<>(Map.of("kinesis.partitionKeyColumn", "publish.partitionKeyColumn",
                "publish.aggregation", "kinesis.aggregation",
                "publish.aggregation.maxBytes", "kinesis.aggregation.maxBytes"));
        for (String limit : List.of("enabled", "recordsPerShardPerSecond", "bytesPerShardPerSecond", "burst",
                "shardMapRefresh", "share")) {
            renamed.put("publish.rateLimit." + limit, "kinesis.rateLimit." + limit);
        }
        return Map.copyOf(renamed);
    }

    /**
     * Checks the keys of one source of settings.
     *
     * @param source how a message names the source, such as {@code a system property} or {@code /etc/txsim.properties}
     * @throws IllegalArgumentException naming the first key that is not the application's, and the nearest one that is
     */
    void check(Iterable<String> keys, String source) {
        for (String key : keys) {
            if (table.isOurs(key) && !known.contains(key)) {
                throw new IllegalArgumentException(refusal(key, source, nearest(key, UnaryOperator.identity())));
            }
        }
    }

    /** Checks the environment variables named after the application's keys ({@code PUBLISH_RECORD_TIMEOUT}). */
    void checkEnvironment(Set<String> names) {
        for (String name : names) {
            boolean ours = CHECKED_IN_ENVIRONMENT.stream().anyMatch(p -> name.startsWith(p.toUpperCase(Locale.ROOT)
                    + "_"));
            if (!ours || known.stream().anyMatch(key -> variables(key).contains(name))) {
                continue;
            }
            Optional<String> retired = RETRY_LAYERS.stream().filter(key -> variables(key).contains(name)).findFirst();
            if (retired.isPresent()) {
                throw new IllegalArgumentException(refusal(retired.get(), name, null));
            }
            Optional<String> moved = RENAMED.keySet().stream().filter(key -> variables(key).contains(name))
                    .findFirst();
            if (moved.isPresent()) {
                String now = RENAMED.get(moved.get());
                throw new IllegalArgumentException(String.format("The environment variable %s (%s) was renamed: "
                        + "set %s (%s) instead; docs/configuration.md", name, moved.get(), variable(now), now));
            }
            String nearest = nearest(name, SettingKeys::variable);
            throw new IllegalArgumentException(String.format("The environment variable %s is not a setting of this "
                    + "version of the application%s docs/configuration.md lists every key", name, nearest == null ? "."
                    : ": did you mean " + variable(nearest) + " (" + nearest + ")?"));
        }
    }

    private static String refusal(String key, String source, String nearest) {
        if (RETRY_LAYERS.contains(key)) {
            return key + " is no longer read: one retry policy replaced publish.recordRetry.* and "
                    + "publish.redelivery.*. Set publish.recordTimeout (how long a record is retried) and "
                    + "publish.retry.* (the back-off) instead; docs/configuration.md";
        }
        if (RENAMED.containsKey(key)) {
            return String.format("%s (%s) was renamed %s: set that instead (what one destination reads lives under "
                    + "its prefix, what all share under publish.); docs/configuration.md", key, source,
                    RENAMED.get(key));
        }
        return String.format("%s (%s) is not a setting of this version of the application%s "
                + "docs/configuration.md lists every key", key, source,
                nearest == null ? "." : ": did you mean " + nearest + "?");
    }

    /**
     * The known key whose name, as {@code form} writes it, is nearest to {@code name}; null when even the nearest is
     * more than a third of the name away (a key of another version, say), which would be no help.
     */
    private String nearest(String name, UnaryOperator<String> form) {
        String lower = name.toLowerCase(Locale.ROOT);
        ToIntFunction<String> away = key -> distance(lower, form.apply(key).toLowerCase(Locale.ROOT));
        String best = known.stream().min(Comparator.comparingInt(away).thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
        return away.applyAsInt(best) <= Math.max(2, name.length() / 3) ? best : null;
    }

    /**
     * The environment variables Camel reads a key from: upper case with dots as underscores
     * ({@code PUBLISH_RECORDTIMEOUT}), and with camelCase humps as underscores too ({@code PUBLISH_RECORD_TIMEOUT}).
     */
    static List<String> variables(String key) {
        String plain = key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        String humps = key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_')
                .toUpperCase(Locale.ROOT);
        return plain.equals(humps) ? List.of(plain) : List.of(plain, humps);
    }

    /** The environment variable that application.properties names for a key: {@code PUBLISH_RECORD_TIMEOUT}. */
    private static String variable(String key) {
        List<String> variables = variables(key);
        return variables.get(variables.size() - 1);
    }

    /**
     * Levenshtein's edit distance. (Commons Text has one, but it is not among the application's dependencies, and
     * these few lines do not justify it.)
     */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
