package io.github.txsim.app;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import io.github.txsim.files.ArchivedCopies;
import io.github.txsim.files.DataFoldersHealthCheck;
import io.github.txsim.files.Checkpoints;
import io.github.txsim.files.FileArchiver;
import io.github.txsim.files.FileTracker;
import io.github.txsim.files.GrowingFile;
import io.github.txsim.files.LastErrorRecorder;
import io.github.txsim.files.ProgressLog;
import io.github.txsim.files.ResumableFileStrategy;
import io.github.txsim.files.SettledFileReadLock;
import io.github.txsim.files.SourceFiles;
import io.github.txsim.files.SourceFolderLock;
import io.github.txsim.files.SourceFolderWatch;
import io.github.txsim.publish.StopSignal;
import io.github.txsim.files.StuckFiles;
import io.github.txsim.publish.Destination;
import io.github.txsim.publish.DestinationHealthCheck;
import io.github.txsim.publish.Destinations;
import io.github.txsim.publish.GroupPublisher;
import io.github.txsim.publish.Outage;
import io.github.txsim.publish.RecordSender;
import io.github.txsim.publish.RecordTimeout;
import io.github.txsim.publish.Sink;
import io.github.txsim.rows.ColumnRules;
import io.github.txsim.rows.SourceFileReader;
import io.github.txsim.rows.TransactionRecords;
import io.github.txsim.settings.PropertyFunction;
import io.github.txsim.settings.Settings;
import io.github.txsim.support.PublishMetrics;
import io.github.txsim.publish.RecordSource;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.dataformat.csv.CsvRecordConverter;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the application from its settings, each read once into a record ({@link DataFolders},
 * {@link GeneratorSettings}, {@link PublishSettings}, the destination's own): the simulator, the destination that
 * {@code publish.sink} chooses ({@link Destinations}), with its local server when asked for, and the publisher's parts. The routes in {@code routes/} refer to the beans bound here,
 * each under its class's name. (Camel's {@code @BindToRegistry} methods would run before the settings a test or an
 * embedding program adds in its own configuration, so the beans are bound here, in order.)
 */
public final class TransactionStreamConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionStreamConfiguration.class);

    private FileTracker files;
    private RunOnce runOnce;
    private Outage outage;
    private SourceFolderWatch sourceFolder;

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent component = context.getPropertiesComponent();
        Settings properties = new Settings(component);
        component.addPropertiesFunction(PropertyFunction.path(properties));
        component.addPropertiesFunction(PropertyFunction.millis(properties));
        DataFolders folders = DataFolders.from(properties);
        // the source folder's lock first: a second instance is told that the folder is in use, whatever else it finds
        SourceFolderLock lock = SourceFolderLock.take(DataFolders.writable(folders.source()));
        context.addService(lock, true, true);
        folders.create();
        GeneratorSettings generator = GeneratorSettings.read(properties);
        Destination destination = Destinations.available().chosen(properties).configure(properties);
        PublishSettings publish = PublishSettings.read(properties, destination.requestLimits());
        properties.positiveDuration("publish.pollDelay"); // the route's: named here when it is not a duration

        PublishMetrics metrics = new PublishMetrics(context);
        Destination.Connection connection = destination.connect(new Destination.Context(context, metrics,
                generator.partition().count(), generator.partition().toString()));
        Sink sink = connection.sink();
        StopSignal stop = new StopSignal();
        ProgressLog progress = new ProgressLog(publish.progressInterval(), publish.progressInterval().isZero() ? null
                : context.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "publish-progress"));
        Checkpoints checkpoints = new Checkpoints(folders.checkpoints());
        ArchivedCopies copies = new ArchivedCopies(folders.checkpoints());
        files = new FileTracker(sink.destination(), sink.name(), checkpoints, copies, publish.republishArchivedCopies(),
                folders.archive(), folders.failed(), progress, metrics, stop);
        context.addService(files, true, true);
        StuckFiles stuck = new StuckFiles();
        boolean runOnceMode = properties.flag("app.runOnce");
        sourceFolder = new SourceFolderWatch(lock, runOnceMode, () -> new Thread(context::stop, "source-folder-stop")
                .start());
        // run-once ends with a file it cannot move; a service tries the move again at every poll
        SourceFiles sourceFiles = new SourceFiles(runOnceMode ? stuck::isStuck : file -> false);
        runOnce = new RunOnce(runOnceMode, generator.enabled(), folders.source(), sourceFiles, context, files, stuck,
                verification(properties, destination.local(), connection.reader()));
        SettledFileReadLock settledFiles = new SettledFileReadLock(publish.readLock().minAge(),
                publish.readLock().checkInterval(), publish.readLock().timeout());
        TransactionRecords records = new TransactionRecords(publish.partitionKeyColumn(), sink::limits);
        // an outage that outlasts its limit stops the application; stopping waits for the exchange in flight, which
        // is the caller's: stop from another thread
        outage = new Outage(sink, publish.retry(), stop,
                () -> new Thread(context::stop, "outage-stop").start(), Clock.systemUTC());
        RecordSender sender = new RecordSender(sink, metrics, stop, outage, Clock.systemUTC(), stop::await);

        Registry registry = context.getRegistry();
        registry.bind("dailyFileGenerator", generator.dailyFiles(folders, settledFiles::announce));
        registry.bind("sourceFiles", sourceFiles);
        registry.bind("settledFileReadLock", settledFiles);
        registry.bind("resumableFileStrategy", new ResumableFileStrategy(stop,
                new FileArchiver(files, checkpoints, copies, stuck, sink.name())));
        registry.bind("fileTracker", files);
        registry.bind("sourceFileReader", new SourceFileReader(new ColumnRules(records.requiredColumns(),
                publish.dropUnnamedIndexColumn()), GrowingFile.forExchanges(publish.readLock().minAge(),
                publish.readLock().checkInterval(), stop), publish.groupSize(), publish.groupBytes()));
        // camel-csv converts each record; the rows are made from Commons CSV's records as they are
        registry.bind("csvRecordAsParsed", (CsvRecordConverter<CSVRecord>) record -> record);
        registry.bind("publishThreads", publishThreads(context, publish.maxInFlight()));
        registry.bind("groupPublisher", new GroupPublisher(records, sender, publish.pacing(),
                Clock.systemUTC(), metrics, stop, publish.rowsAhead()));
        registry.bind("lastErrorRecorder", new LastErrorRecorder());
        registry.bind("recordTimeout", new RecordTimeout(publish.retry(), stop, Clock.systemUTC()));
        registry.bind("redeliveryPolicy", publish.retry().redeliveryPolicy());
        registry.bind("destinationHealthCheck", new DestinationHealthCheck(connection.healthCheckId(), sink, outage,
                connection.look()));
        registry.bind("sourceFolderWatch", sourceFolder);
        registry.bind("dataFoldersHealthCheck", new DataFoldersHealthCheck(stuck, sourceFolder));
        registry.bind("runOnce", runOnce);
        ManagementAddress.log(properties, component);
    }

    /**
     * Whether the run ended for an outage that outlasted publish.outage.maxWait, or for the source folder gone or taken
     * by another instance, or a run-once run ended with a file
     * in the failed folder or stuck in the source folder, or a row missing from the stream.
     */
    boolean hadFailures() {
        return outage != null && outage.gaveUp() || runOnce != null && runOnce.hadFailures()
                || sourceFolder != null && sourceFolder.gaveUp();
    }

    /** {@code app.verify}: auto verifies in local mode only, where reading the stream back costs nothing. */
    private static RunVerification verification(Settings properties, boolean local, Supplier<RecordSource> reader) {
        String setting = properties.text("app.verify");
        boolean on = setting.equalsIgnoreCase("auto") ? local : properties.flag("app.verify");
        return on ? new RunVerification(reader, local ? null : Instant.now()) : null;
    }

    /**
     * The threads that publish a file's groups: one per group in flight, and a queue of one group, so that a thread
     * that finishes a group finds the next one ready. Camel runs the split's own loop, which reads the rows, on one of
     * them; when the pool is full, that loop sends the group itself (caller-runs) and reads no further meanwhile. So
     * at most maxInFlight groups are in flight, one more waits in memory, and a group queued is always taken by a
     * thread that is not waiting for it (with one thread fewer, two in flight would wait for each other for ever).
     * With one in flight (always so with paced publishing) every group runs on the splitting thread, in file order.
     * (The route's split always names this executor: Camel splits in parallel whenever a split has one.)
     */
    private ExecutorService publishThreads(CamelContext context, int maxInFlight) {
        if (maxInFlight == 1) {
            return new SynchronousExecutorService();
        }
        return context.getExecutorServiceManager().newThreadPool(this, "publish", new ThreadPoolProfileBuilder(
                "publish").poolSize(maxInFlight).maxPoolSize(maxInFlight).maxQueueSize(1)
                .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }
}
