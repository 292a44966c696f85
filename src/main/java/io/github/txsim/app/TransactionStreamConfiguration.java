package io.github.txsim.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.txsim.kinesis.Checkpoints;
import io.github.txsim.kinesis.ConnectionSafety;
import io.github.txsim.kinesis.FileTracker;
import io.github.txsim.kinesis.KinesisStream;
import io.github.txsim.kinesis.KinesisStreamHealthCheck;
import io.github.txsim.kinesis.Pacing;
import io.github.txsim.kinesis.PublishMetrics;
import io.github.txsim.kinesis.LastErrorRecorder;
import io.github.txsim.kinesis.PutRecordsProcessor;
import io.github.txsim.kinesis.RecordRetry;
import io.github.txsim.kinesis.ResumableFileStrategy;
import io.github.txsim.kinesis.SettledFileReadLock;
import io.github.txsim.kinesis.ShardRateLimiter;
import io.github.txsim.kinesis.StopSignal;
import io.github.txsim.local.KinesisEmulator;
import io.github.txsim.rows.ColumnRules;
import io.github.txsim.rows.SourceFileReader;
import io.github.txsim.simulator.DailyFileGenerator;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.FraudSettings;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.camel.dataformat.csv.CsvRecordConverter;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the application from its properties: the data folders, the simulator, the Kinesis stream and, in local
 * mode, the emulator. The routes in {@code routes/} refer to the beans bound here by name.
 */
public final class TransactionStreamConfiguration implements CamelConfiguration {

    /** Kinesis allows at most 500 records in one PutRecords request. */
    static final int MAX_GROUP_SIZE = 500;
    private static final String KINESIS_COMPONENT = "camel.component.aws2-kinesis.";
    private static final Logger LOG = LoggerFactory.getLogger(TransactionStreamConfiguration.class);

    private FileTracker files;
    private RunOnce runOnce;

    @Override
    public void configure(CamelContext context) throws Exception {
        PropertiesComponent propertiesComponent = context.getPropertiesComponent();
        AppProperties properties = new AppProperties(propertiesComponent);
        propertiesComponent.addPropertiesFunction(PropertyFunction.path(properties));
        propertiesComponent.addPropertiesFunction(PropertyFunction.millis(properties));
        DataFolders folders = DataFolders.from(properties).create();
        properties.integer("publish.groupSize", 1, MAX_GROUP_SIZE);
        // the routes' durations, checked here so that a bad one is named before anything starts
        for (String key : List.of("generator.delay", "generator.period", "publish.pollDelay")) {
            properties.duration(key);
        }

        boolean local = properties.flag("kinesis.local.enabled");
        if (local) {
            startEmulator(context, properties);
        }
        ConnectionSafety.check(option -> propertiesComponent.resolveProperty(KINESIS_COMPONENT + option)
                .map(String::strip).filter(value -> !value.isEmpty()));
        String streamName = properties.text("kinesis.streamName");
        KinesisStream stream = new KinesisStream(context, streamName, local,
                properties.integer("kinesis.local.shardCount", 1, 100));
        Checkpoints checkpoints = new Checkpoints(folders.checkpoints());
        PublishMetrics metrics = new PublishMetrics(context);
        StopSignal stop = new StopSignal();
        files = new FileTracker(streamName, checkpoints, folders.archive(), folders.failed(),
                properties.duration("publish.progressInterval"), metrics, stop);
        context.addService(files, true, true);
        runOnce = new RunOnce(properties.flag("app.runOnce"), properties.flag("generator.enabled"), folders.source(),
                context, files);
        RecordRetry recordRetry = new RecordRetry(properties.integer("publish.recordRetry.attempts", 1, 100),
                Duration.ofMillis(properties.integer("publish.recordRetry.baseDelay", 0, 3_600_000)),
                Duration.ofMillis(properties.integer("publish.recordRetry.maxDelay", 0, 3_600_000)));

        Registry registry = context.getRegistry();
        SettledFileReadLock settledFiles = new SettledFileReadLock(properties.duration("publish.readLock.minAge"),
                properties.duration("publish.readLock.checkInterval"), properties.duration("publish.readLock.timeout"));
        registry.bind("settledFileReadLock", settledFiles);
        registry.bind("dailyFileGenerator", dailyFileGenerator(properties, folders, settledFiles));
        Pacing pacing = Pacing.parse(properties.text("publish.pacing"), properties.text("publish.eventTimeColumn"),
                ZoneId.systemDefault(), Clock.systemUTC(), stop::await);
        long rowsAhead = (long) maxInFlight(properties, pacing) * properties.integer("publish.groupSize", 1,
                MAX_GROUP_SIZE);
        PutRecordsProcessor putRecords = new PutRecordsProcessor(stream,
                properties.text("kinesis.partitionKeyColumn"), recordRetry, checkpoints, pacing, metrics,
                rateLimiter(properties, stream, local), stop, rowsAhead);
        registry.bind("putRecords", putRecords);
        registry.bind("sourceFileReader", new SourceFileReader(new ColumnRules(putRecords.requiredColumns(),
                properties.flag("publish.dropUnnamedIndexColumn"))));
        // camel-csv converts each record; the rows are made from Commons CSV's records as they are
        registry.bind("csvRecordsAsParsed", (CsvRecordConverter<CSVRecord>) record -> record);
        registry.bind("publishedFiles", new ResumableFileStrategy(stop));
        registry.bind("kinesisStreamHealthCheck", new KinesisStreamHealthCheck(stream));
        registry.bind("publishThreads", publishThreads(context, properties, pacing));
        registry.bind("fileTracker", files);
        registry.bind("lastErrorRecorder", new LastErrorRecorder());
        registry.bind("runOnce", runOnce);
    }

    /** Whether a run-once run ends with a file in the failed folder (its exit status says so). */
    boolean runOnceHadFailures() {
        return runOnce != null && runOnce.enabled() && files.totals().filesFailed() > 0;
    }

    private static DailyFileGenerator dailyFileGenerator(AppProperties properties, DataFolders folders,
            SettledFileReadLock settledFiles) {
        int customers = properties.integer("simulator.customers", 1, SimulatorSettings.MAX_CUSTOMERS);
        int terminals = properties.integer("simulator.terminals", 1, Integer.MAX_VALUE);
        FraudSettings reference = FraudSettings.referenceFractions(customers, terminals);
        SimulatorSettings settings = new SimulatorSettings(customers, terminals,
                properties.decimal("simulator.radius"),
                properties.wholeNumber("simulator.seed"),
                properties.date("simulator.startDate"),
                new FraudSettings(
                        countOrAuto(properties, "simulator.compromisedTerminalsPerDay", terminals,
                                reference.compromisedTerminalsPerDay()),
                        countOrAuto(properties, "simulator.compromisedCustomersPerDay", customers,
                                reference.compromisedCustomersPerDay())));
        int threads = properties.integer("simulator.threads", 0, 1024);
        DailyTransactionGenerator generator = new DailyTransactionGenerator(settings, Population.generate(settings),
                Partition.parse(properties.text("simulator.partition")),
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads);
        int backfillDays = properties.integer("generator.backfillDays", 0, 100_000);
        Clock clock = Clock.systemDefaultZone();
        if (LocalDate.now(clock).minusDays(backfillDays).isBefore(settings.startDate())) {
            throw new IllegalArgumentException(String.format(
                    "generator.backfillDays=%d reaches back before simulator.startDate=%s", backfillDays,
                    settings.startDate()));
        }
        return new DailyFileGenerator(generator, folders.source(), List.of(folders.archive(), folders.failed()),
                clock, backfillDays, settledFiles::announce);
    }

    /**
     * The threads that publish a file's groups: {@code publish.maxInFlight}, and a queue of one group, so that a thread
     * that finishes a group finds the next one ready. Camel runs the split's own loop, which reads the rows, on one of
     * them; when the pool is full, that loop sends the group itself (caller-runs) and reads no further meanwhile. So
     * at most maxInFlight groups are in flight, one more waits in memory, and a group queued is always taken by a
     * thread that is not waiting for it (with one thread fewer, two in flight would wait for each other for ever).
     * With one in flight (always so with paced publishing) every group runs on the splitting thread, in file order.
     * (The route's split always names this executor: Camel splits in parallel whenever a split has one.)
     */
    private static ExecutorService publishThreads(CamelContext context, AppProperties properties, Pacing pacing)
            throws Exception {
        int maxInFlight = maxInFlight(properties, pacing);
        if (maxInFlight == 1) {
            return new SynchronousExecutorService();
        }
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxInFlight, maxInFlight, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1), task -> {
                    Thread thread = new Thread(task, "publish-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        context.addService(new ServiceSupport() {
            @Override
            protected void doStop() {
                pool.shutdownNow();
            }
        }, true, true);
        return pool;
    }

    /** Groups published at once: publish.maxInFlight, or one when paced. */
    private static int maxInFlight(AppProperties properties, Pacing pacing) {
        return pacing.isPaced() ? 1 : properties.integer("publish.maxInFlight", 1, 64);
    }

    /**
     * The per-shard rate limiter: {@code auto} turns it on against AWS and off in local mode. It takes
     * {@code publish.rateLimit.share} of each shard's limits: by default 1/n for partition i/n, as n producers share
     * the stream.
     */
    private static ShardRateLimiter rateLimiter(AppProperties properties, KinesisStream stream, boolean local) {
        String enabled = properties.text("publish.rateLimit.enabled");
        boolean on = enabled.equalsIgnoreCase("auto") ? !local : properties.flag("publish.rateLimit.enabled");
        if (!on) {
            return null;
        }
        int records = properties.integer("publish.rateLimit.recordsPerShardPerSecond", 1, 1_000_000);
        int bytes = properties.integer("publish.rateLimit.bytesPerShardPerSecond", 1, Integer.MAX_VALUE);
        Partition partition = Partition.parse(properties.text("simulator.partition"));
        double share = properties.text("publish.rateLimit.share").equalsIgnoreCase("auto")
                ? 1.0 / partition.count() : properties.fraction("publish.rateLimit.share");
        LOG.info(String.format("Rate limiting each shard to %,.0f records/s and %,.0f bytes/s (%s of its limits%s)",
                records * share, bytes * share, share == 1 ? "all" : String.format("%.3g", share),
                properties.text("publish.rateLimit.share").equalsIgnoreCase("auto") && share < 1
                        ? ", as partition " + partition + " of the producers sharing the stream" : ""));
        return new ShardRateLimiter(stream, records * share, bytes * share,
                properties.duration("publish.rateLimit.burst"),
                properties.duration("publish.rateLimit.shardMapRefresh"));
    }

    /** A count property that may say {@code auto}: then the reference's fraction of the population. */
    private static int countOrAuto(AppProperties properties, String key, int max, int auto) {
        return properties.text(key).equalsIgnoreCase("auto") ? auto : properties.integer(key, 0, max);
    }

    /** Starts kinesalite on loopback and points camel-aws2-kinesis at it. */
    private static void startEmulator(CamelContext context, AppProperties properties) throws Exception {
        KinesisEmulator emulator = KinesisEmulator.startNew(new KinesisEmulator.Options(
                Path.of(properties.text("kinesis.local.emulatorFolder")),
                properties.text("kinesis.local.node"),
                properties.integer("kinesis.local.port", 0, 65535),
                100));
        context.addService(emulator, true, true);
        PropertiesComponent component = context.getPropertiesComponent();
        emulator.componentOptions().forEach((option, value) ->
                component.addOverrideProperty(KINESIS_COMPONENT + option, value));
    }
}
