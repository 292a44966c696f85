package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.txsim.simulator.DailyFileGenerator;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.DayReporter;
import io.github.txsim.simulator.GeneratedFile;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;
import io.github.txsim.support.ProcessResources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar transaction-stream-simulator.jar generate ...}: writes the simulator's daily files into a folder,
 * without Camel or Kinesis (a backfill, a dataset for a notebook, the benchmark). The defaults are the simulator's
 * settings ({@link CommandSettings}). It ends with one line: {@code Generated N file(s): R
 * rows in S s (X rows/s), slowest file F s, peak RSS M MiB, process CPU C s}, where S counts from the start of the
 * command.
 */
@Command(name = "generate", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = CommandLines.Version.class,
        description = {"Generates daily transaction files (the Fraud Detection Handbook's model) into a folder, one "
                + "file per day: transactions-DATE.csv, or transactions-DATE-partIofN.csv for a partition. A date "
                + "whose file is already in the folder is skipped.", ""},
        footer = {"", "Defaults are the settings' values, as the service reads them: -Dkey=value, else the environment "
                + "variable (SIMULATOR_CUSTOMERS), else application.properties (the working directory's, then the "
                + "built-in one). "
                + "Limits: up to 100,000,000 customers and 10,000,000 terminals; see docs/configuration.md."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "folders.source",
            description = "Folder to write the files into (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--from", paramLabel = "DATE", description = "First date to generate, YYYY-MM-DD (default: today)")
    LocalDate from;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1",
            description = "Days to generate from --from on (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--threads", paramLabel = "N", descriptionKey = "simulator.threads",
            description = "Threads that generate a day, 0 for one per processor (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--report", negatable = true, descriptionKey = "generator.report", fallbackValue = "true",
            description = "Write each day's report into --reports (default: ${DEFAULT-VALUE})")
    boolean report;

    @Option(names = "--reports", paramLabel = "DIR", descriptionKey = "folders.reports",
            description = "Folder of the days' reports (default: ${DEFAULT-VALUE})")
    Path reports;

    @CommandLine.Mixin
    SimulationOptions simulation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    GenerateCommand(Clock clock) {
        this.clock = clock;
    }

    /** Runs the command; returns the exit status (0 done, 1 failed, 2 a bad command line). */
    static int run(String[] args, Clock clock) {
        return CommandLines.execute(new GenerateCommand(clock), args);
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        SimulatorSettings settings = simulation.settings();
        Partition part = simulation.partition();
        simulation.check(days >= 1, "--days must be at least 1, was " + days);
        int generatingThreads = simulation.checked(values -> values.get(GeneratorSettings.THREADS));
        LocalDate first = from == null ? LocalDate.now(clock) : from;
        Path folder = Files.createDirectories(out);

        long rows = 0;
        int files = 0;
        double slowestFile = 0;
        Population population = Population.generate(settings);
        DayReporter reporter = report ? Reports.forGeneratedDays(settings, population, part, reports,
                simulation.labelDelay()) : DayReporter.NONE;
        try (DailyTransactionGenerator generator = new DailyTransactionGenerator(settings, population, part,
                generatingThreads)) {
            DailyFileGenerator fileGenerator = new DailyFileGenerator(generator, folder, List.of(), clock, 0,
                    file -> { }, reporter);
            for (int day = 0; day < days; day++) {
                GeneratedFile file = fileGenerator.generate(first.plusDays(day)).orElse(null);
                if (file != null) {
                    files++;
                    rows += file.rows();
                    slowestFile = Math.max(slowestFile, file.seconds());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getOut().printf("Generated %d file(s): %d rows in %.3f s (%.0f rows/s), slowest file "
                + "%.3f s, peak RSS %d MiB, process CPU %.1f s%n", files, rows, seconds, rows / seconds, slowestFile,
                ProcessResources.peakRssMib(), ProcessResources.cpuSeconds());
        return 0;
    }
}
