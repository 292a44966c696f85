package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.github.txsim.files.AtomicFiles;
import io.github.txsim.labels.RowLabels;
import io.github.txsim.report.DayFigures;
import io.github.txsim.report.DayReports;
import io.github.txsim.report.ReportData;
import io.github.txsim.report.TransactionFileReader;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;
import io.github.txsim.support.ProcessResources;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar transaction-stream-simulator.jar report FILE...}: reads transaction files in one streaming pass
 * each and writes one HTML report of them all ({@link io.github.txsim.report.ReportPage}), its expected values from
 * the simulator's settings (application.properties, or the options). Prints a line per file as it is read ({@code
 * Read F: N rows, U not counted, in S s}), and ends with {@code Wrote R: D day(s), N rows from F file(s), U rows not
 * counted, in S s (peak RSS M MiB, process CPU C s)}.
 */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        versionProvider = CommandLines.Version.class,
        description = {"Writes an HTML report of transaction files: transactions per hour against the model's "
                + "curve, amounts, frauds by scenario, per day for several days, and the key numbers next to the "
                + "model's expected values. One self-contained page, no network needed to view it.", ""},
        footer = {"", "The expected values come from the simulator's settings: the options above, else -Dkey=value, "
                + "else the environment variable (SIMULATOR_CUSTOMERS), else application.properties (the working "
                + "directory's, then the built-in one); give those the files were made with."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Transaction files (CSV with the simulator's "
            + "columns)")
    List<Path> files;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the report (default: in the "
            + "reports folder, named after the file or the dates)")
    Path out;

    @Option(names = "--reports", paramLabel = "DIR", descriptionKey = "folders.reports",
            description = "The reports folder (default: ${DEFAULT-VALUE})")
    Path reports;

    @CommandLine.Mixin
    SimulationOptions simulation;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command; returns the exit status (0 done, 1 failed, 2 a bad command line). */
    static int run(String[] args) {
        return CommandLines.execute(new ReportCommand(), args);
    }

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        SimulatorSettings settings = simulation.settings();
        Partition partition = simulation.partition();
        ReportData data = simulation.labelDelay().map(delay -> new ReportData(new RowLabels(delay)))
                .orElseGet(ReportData::new);
        TransactionFileReader reader = new TransactionFileReader();
        for (Path file : files) {
            long before = data.rows();
            long uncounted = data.uncounted();
            long fileStarted = System.nanoTime();
            reader.read(file, data);
            spec.commandLine().getOut().printf("Read %s: %,d rows, %,d not counted, in %.1f s%n", file.getFileName(),
                    data.rows() - before, data.uncounted() - uncounted, (System.nanoTime() - fileStarted) / 1e9);
        }
        Path target = out != null ? out : reports.resolve(defaultName(data));
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        String html = Reports.page(settings, Population.generate(settings), partition).html(data,
                Reports.madeBy() + " from the files");
        AtomicFiles.write(target, writer -> writer.write(html));
        List<DayFigures> days = data.days();
        spec.commandLine().getOut().printf("Wrote %s: %d day(s), %,d rows from %d file(s), %,d rows not counted, in "
                + "%.1f s (peak RSS %d MiB, process CPU %.1f s)%n", target, days.size(), data.rows(), files.size(),
                data.uncounted(), (System.nanoTime() - started) / 1e9, ProcessResources.peakRssMib(),
                ProcessResources.cpuSeconds());
        return 0;
    }

    /** One file: its name with .html; several: the dates they hold. */
    private String defaultName(ReportData data) {
        List<DayFigures> days = data.days();
        if (files.size() == 1 || days.isEmpty()) {
            return DayReports.reportName(files.get(0).getFileName().toString());
        }
        return "transactions-" + days.get(0).date() + "-to-" + days.get(days.size() - 1).date() + ".html";
    }
}
