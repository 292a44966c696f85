package io.github.txsim.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

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
 */
record GeneratorSettings(boolean enabled, int backfillDays, SimulatorSettings simulator, Partition partition,
        int threads, boolean report) {

    static GeneratorSettings read(Settings properties) {
        SimulatorSettings simulator = simulator(properties);
        int backfillDays = properties.integer("generator.backfillDays", 0, 100_000);
        if (LocalDate.now().minusDays(backfillDays).isBefore(simulator.startDate())) {
            throw new IllegalArgumentException(String.format(
                    "generator.backfillDays=%d reaches back before simulator.startDate=%s", backfillDays,
                    simulator.startDate()));
        }
        // the timer's, used by the route: checked here so that a bad one is named before anything starts
        properties.duration("generator.delay");
        properties.positiveDuration("generator.period");
        return new GeneratorSettings(properties.flag("generator.enabled"), backfillDays, simulator,
                partition(properties), threads(properties), properties.flag("generator.report"));
    }

    /** The model's settings (simulator.*), for the service and for the commands that generate or report days. */
    static SimulatorSettings simulator(Settings properties) {
        int customers = properties.integer("simulator.customers", 1, SimulatorSettings.MAX_CUSTOMERS);
        int terminals = properties.integer("simulator.terminals", 1, SimulatorSettings.MAX_TERMINALS);
        FraudSettings reference = FraudSettings.referenceFractions(customers, terminals);
        return new SimulatorSettings(customers, terminals,
                properties.decimal("simulator.radius", 0, 100), properties.wholeNumber("simulator.seed"),
                properties.date("simulator.startDate"), new FraudSettings(
                        countOrAuto(properties, "simulator.compromisedTerminalsPerDay", terminals,
                                reference.compromisedTerminalsPerDay()),
                        countOrAuto(properties, "simulator.compromisedCustomersPerDay", customers,
                                reference.compromisedCustomersPerDay())));
    }

    /** simulator.partition: {@code i/n}. */
    static Partition partition(Settings properties) {
        String value = properties.text("simulator.partition");
        try {
            return Partition.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(properties.nameOf("simulator.partition") + ": " + e.getMessage(), e);
        }
    }

    /** simulator.threads: threads that generate a day, 0 for one per processor. */
    static int threads(Settings properties) {
        return properties.integer("simulator.threads", 0, 1024);
    }

    /** A count that may say {@code auto}: then the reference's fraction of the population. */
    private static int countOrAuto(Settings properties, String key, int max, int auto) {
        return properties.text(key).equalsIgnoreCase("auto") ? auto : properties.integer(key, 0, max);
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
                report ? Reports.forGeneratedDays(simulator, population, partition, folders.reports()) : DayReporter.NONE);
    }
}
