package io.github.txsim.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.github.txsim.labels.ReportDelay;
import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;
import io.github.txsim.simulator.DailyFileGenerator;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.DayReporter;
import io.github.txsim.simulator.FraudSettings;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;

/**
 * The simulator's and the daily generation's settings ({@code simulator.*}, {@code generator.*}), read once at
 * start-up.
 *
 * @param threads threads that generate a day (simulator.threads, 0 for one per processor)
 * @param report  whether each generated day gets its report (generator.report)
 * @param reportLabels when the reports show when frauds become known (labels.mode delayed or both): the model
 */
record GeneratorSettings(boolean enabled, int backfillDays, SimulatorSettings simulator, Partition partition,
        int threads, boolean report, Optional<ReportDelay> reportLabels) {

    private static final String AUTO = "auto";

    static final Setting<Integer> CUSTOMERS = Setting.integer("simulator.customers", 1,
            SimulatorSettings.MAX_CUSTOMERS);
    static final Setting<Integer> TERMINALS = Setting.integer("simulator.terminals", 1,
            SimulatorSettings.MAX_TERMINALS);
    static final Setting<Double> RADIUS = Setting.decimal("simulator.radius", 0, 100);
    static final Setting<Long> SEED = Setting.wholeNumber("simulator.seed");
    static final Setting<LocalDate> START_DATE = Setting.date("simulator.startDate");
    /** A count, or auto for the reference's share of the population (at most the population, checked on reading). */
    static final Setting<Optional<Integer>> COMPROMISED_TERMINALS = Setting.integer(
            "simulator.compromisedTerminalsPerDay", 0, SimulatorSettings.MAX_TERMINALS).orWord(AUTO);
    static final Setting<Optional<Integer>> COMPROMISED_CUSTOMERS = Setting.integer(
            "simulator.compromisedCustomersPerDay", 0, SimulatorSettings.MAX_CUSTOMERS).orWord(AUTO);
    static final Setting<Partition> PARTITION = Setting.of("simulator.partition",
            "i/n with 0 <= i < n, such as 0/1 (every customer) or 2/4", Partition.class, Partition::parse);
    /** Threads that generate a day, 0 for one per processor. */
    static final Setting<Integer> THREADS = Setting.integer("simulator.threads", 0, 1024);
    static final Setting<Boolean> ENABLED = Setting.flag("generator.enabled");
    static final Setting<Integer> BACKFILL_DAYS = Setting.integer("generator.backfillDays", 0, 100_000);
    static final Setting<Duration> DELAY = Setting.duration("generator.delay");
    static final Setting<Duration> PERIOD = Setting.positiveDuration("generator.period");
    static final Setting<Boolean> REPORT = Setting.flag("generator.report");
    static final List<Setting<?>> SETTINGS = List.of(CUSTOMERS, TERMINALS, RADIUS, SEED, START_DATE,
            COMPROMISED_TERMINALS, COMPROMISED_CUSTOMERS, PARTITION, THREADS, ENABLED, BACKFILL_DAYS, DELAY, PERIOD,
            REPORT);

    static GeneratorSettings read(Settings settings) {
        SimulatorSettings simulator = simulator(settings);
        int backfillDays = settings.get(BACKFILL_DAYS);
        if (LocalDate.now().minusDays(backfillDays).isBefore(simulator.startDate())) {
            throw new IllegalArgumentException(String.format(
                    "generator.backfillDays=%d reaches back before simulator.startDate=%s", backfillDays,
                    simulator.startDate()));
        }
        return new GeneratorSettings(settings.get(ENABLED), backfillDays, simulator, settings.get(PARTITION),
                settings.get(THREADS), settings.get(REPORT), Reports.labelDelay(settings, simulator.seed()));
    }

    /** The model's settings (simulator.*), for the service and for the commands that generate or report days. */
    static SimulatorSettings simulator(Settings settings) {
        int customers = settings.get(CUSTOMERS);
        int terminals = settings.get(TERMINALS);
        FraudSettings reference = FraudSettings.referenceFractions(customers, terminals);
        return new SimulatorSettings(customers, terminals, settings.get(RADIUS), settings.get(SEED),
                settings.get(START_DATE), new FraudSettings(
                        countOrAuto(settings, COMPROMISED_TERMINALS, terminals, reference.compromisedTerminalsPerDay()),
                        countOrAuto(settings, COMPROMISED_CUSTOMERS, customers,
                                reference.compromisedCustomersPerDay())));
    }

    /** A count that may say {@code auto}: then the reference's fraction of the population. */
    private static int countOrAuto(Settings settings, Setting<Optional<Integer>> count, int max, int auto) {
        return settings.get(count.where(n -> n.orElse(0) <= max, String.format("at most %,d (the population)", max)))
                .orElse(auto);
    }

    /**
     * The generator of the daily files, into the source folder.
     *
     * @param handOver told of each complete file just before it is renamed into the source folder
     */
    DailyFileGenerator dailyFiles(DataFolders folders, Consumer<Path> handOver) {
        Population population = Population.generate(simulator);
        DailyTransactionGenerator generator = new DailyTransactionGenerator(simulator, population, partition, threads);
        return new DailyFileGenerator(generator, folders.source(), List.of(folders.archive(), folders.failed()),
                Clock.systemDefaultZone(), backfillDays, handOver,
                report ? Reports.forGeneratedDays(simulator, population, partition, folders.reports(), reportLabels)
                        : DayReporter.NONE);
    }
}
