package io.github.txsim.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.github.txsim.labels.LabelSettings;
import io.github.txsim.publish.Destinations;
import io.github.txsim.settings.Setting;
import io.github.txsim.settings.SettingTable;

/**
 * Every setting of the application in one table: each area's, declared in the record that reads them
 * ({@link DataFolders}, {@link GeneratorSettings}, {@link PublishSettings}, {@link LabelSettings}, each
 * destination's), and the few that the
 * application and its routes read themselves (declared here).
 */
final class AllSettings {

    /** Whether the application publishes what the source folder holds and ends (true) or runs as a service. */
    static final Setting<Boolean> RUN_ONCE = Setting.flag("app.runOnce");
    /** Whether the run ends by reading the destination back; auto where that costs nothing (a local destination). */
    static final Setting<Optional<Boolean>> VERIFY = Setting.flag("app.verify").orWord("auto");
    /** A settings file of the user's: only a system property or an environment variable can name it. */
    static final Setting<String> SETTINGS_FILE = Setting.optionalText("app.settingsFile");
    /** How often the source folder is polled (routes/publish.yaml). */
    static final Setting<Duration> POLL_DELAY = Setting.positiveDuration("publish.pollDelay");

    /** The areas' prefixes; each destination's name is one too ({@code kinesis.}). */
    private static final List<String> AREAS = List.of("app", "folders", "simulator", "generator", "publish", "labels");

    private AllSettings() {
    }

    static SettingTable table() {
        Destinations destinations = Destinations.available();
        Set<String> prefixes = new TreeSet<>(AREAS);
        prefixes.addAll(destinations.names());
        List<Setting<?>> settings = new ArrayList<>(List.of(RUN_ONCE, VERIFY, SETTINGS_FILE, POLL_DELAY,
                destinations.sink()));
        settings.addAll(DataFolders.SETTINGS);
        settings.addAll(GeneratorSettings.SETTINGS);
        settings.addAll(PublishSettings.SETTINGS);
        settings.addAll(LabelSettings.SETTINGS);
        settings.addAll(destinations.settings());
        return new SettingTable(prefixes, settings);
    }
}
