package io.github.txsim.app;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.txsim.files.SourceFolderLock;
import io.github.txsim.publish.Destination;
import io.github.txsim.labels.LabelSettings;
import io.github.txsim.publish.DestinationType;
import io.github.txsim.publish.Destinations;
import io.github.txsim.publish.RecordSource;
import io.github.txsim.settings.PropertyFunction;
import io.github.txsim.settings.SettingTable;
import io.github.txsim.settings.Settings;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * Wires the application from its settings, each read once into a record ({@link DataFolders},
 * {@link GeneratorSettings}, {@link PublishSettings}, the destination's own): the destination that {@code publish.sink}
 * chooses ({@link Destinations}), with its local server when asked for, then each area's beans under the names the
 * routes in {@code routes/} use: publishing ({@link PublishingWiring}), files ({@link FileWiring}), generation and
 * run-once mode (here). (Camel's {@code @BindToRegistry} methods would run before the settings a test or an embedding
 * program adds in its own configuration, so the beans are bound here, in order.)
 */
public final class TransactionStreamConfiguration implements CamelConfiguration {

    private RunOnce runOnce;
    private PublishingWiring publishing;
    private FileWiring files;

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent component = context.getPropertiesComponent();
        Settings settings = new Settings(component);
        SettingTable table = AllSettings.table();
        table.check(settings);
        checkRoutes(context, table);
        component.addPropertiesFunction(PropertyFunction.path(table, settings));
        component.addPropertiesFunction(PropertyFunction.millis(table, settings));
        DataFolders folders = DataFolders.from(settings);
        // the source folder's lock first: a second instance is told that the folder is in use, whatever else it finds
        SourceFolderLock lock = SourceFolderLock.take(DataFolders.writable(folders.source()));
        context.addService(lock, true, true);
        folders.create();
        GeneratorSettings generator = GeneratorSettings.read(settings);
        DestinationType type = Destinations.available().chosen(settings);
        Destination destination = type.configure(settings);
        boolean runOnceMode = settings.get(AllSettings.RUN_ONCE);
        PublishSettings publish = PublishSettings.read(settings, destination.requestLimits(), runOnceMode);

        LabelSettings labelSettings = LabelSettings.read(settings, generator.simulator().seed());

        PublishMetrics metrics = new PublishMetrics(context);
        Destination.Context reach = new Destination.Context(context, metrics, generator.partition().count(),
                generator.partition().toString());
        Destination.Connection connection = destination.connect(reach);
        LabelWiring labels = LabelWiring.connect(labelSettings, destination, settings.text(type.labelsNameKey()),
                reach, publish, folders.checkpoints());
        publishing = PublishingWiring.bind(context, publish, connection, metrics, labels);
        files = FileWiring.bind(context, folders, lock, publish, publishing, metrics, runOnceMode, labels);

        Registry registry = context.getRegistry();
        registry.bind("dailyFileGenerator", generator.dailyFiles(folders, files.settledFiles()::announce));
        runOnce = new RunOnce(runOnceMode, generator.enabled(), folders.source(), files.sourceFiles(), context,
                files.tracker(), files.stuck(), verification(settings, destination.local(), connection.reader()), labels);
        registry.bind("runOnce", runOnce);
        ManagementAddress.log(settings, component);
    }

    /**
     * Whether the run ended for an outage that outlasted publish.outage.maxWait, or for the source folder gone or taken
     * by another instance, or a run-once run ended with a file in the failed folder or stuck in the source folder, or
     * a row missing from the destination.
     */
    boolean hadFailures() {
        return publishing != null && publishing.outage().gaveUp() || runOnce != null && runOnce.hadFailures()
                || files != null && files.sourceFolder().gaveUp();
    }

    /** {@code app.verify}: auto verifies where reading the destination back costs nothing (a local one). */
    private static RunVerification verification(Settings settings, boolean local, Supplier<RecordSource> reader) {
        boolean on = settings.get(AllSettings.VERIFY).orElse(local);
        return on ? new RunVerification(reader, local ? null : Instant.now()) : null;
    }

    /**
     * Checks the placeholders of the routes that Camel Main will load ({@link Application#routesIncludePattern}), so
     * that one naming a key that is not a setting stops the start before anything runs.
     */
    private static void checkRoutes(CamelContext context, SettingTable table) throws Exception {
        for (String pattern : Application.routesIncludePattern(Path.of("routes")).split(",")) {
            for (Resource route : PluginHelper.getPackageScanResourceResolver(context).findResources(pattern)) {
                try (InputStream in = route.getInputStream()) {
                    table.checkPlaceholders(route.getLocation(), new String(in.readAllBytes(),
                            StandardCharsets.UTF_8));
                }
            }
        }
    }
}
