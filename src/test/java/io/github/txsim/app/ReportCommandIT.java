package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Browser;
import io.github.txsim.testing.FileFigures;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.ReportCells;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar ... report FILE...} over a month of files from {@code generate}, opened in a headless browser. */
class ReportCommandIT {

    private static final Path JAR = Path.of("target", "transaction-stream-simulator.jar");
    private static final String[] MODEL = {"--customers", "5000", "--terminals", "10000", "--seed", "3"};

    @TempDir
    static Path data;
    private static List<Path> month;
    private static Path report;
    private static String output;

    private static ApplicationProcess jar(String name, String... arguments) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: it is built by 'mvn package' (or 'mvn verify')");
        return new ApplicationProcess(data.resolve(name + ".log")).fromJar(JAR)
                .in(Files.createDirectories(data.resolve("working"))).jvmOption("-Xmx128m").arguments(arguments);
    }

    private static String run(ApplicationProcess process, int status) throws Exception {
        assertEquals(status, process.start().awaitExit(Duration.ofSeconds(120)), process.output());
        return process.output();
    }

    @BeforeAll
    static void generateAMonthAndReportIt() throws Exception {
        Path files = data.resolve("files");
        List<String> generate = new ArrayList<>(List.of("generate", "--from", "2018-06-01", "--days", "30",
                "--out", files.toString(), "--no-report"));
        generate.addAll(List.of(MODEL));
        run(jar("generate", generate.toArray(String[]::new)), 0);
        month = Folders.fileNames(files).stream().map(files::resolve).toList();
        assertEquals(30, month.size());
        List<String> command = new ArrayList<>(List.of("report", "--reports", data.resolve("reports").toString()));
        command.addAll(List.of(MODEL));
        month.forEach(file -> command.add(file.toString()));
        // as labels.mode=delayed: the report shows when the frauds become known
        output = run(jar("report", command.toArray(String[]::new)).set("labels.mode", "delayed"), 0);
        report = data.resolve("reports").resolve("transactions-2018-06-01-to-2018-06-30.html");
    }

    @Test
    void saysWhereTheReportIsAndWhatItCoversAfterALinePerFile() {
        assertEquals(30, output.lines().filter(line -> line.matches("Read transactions-2018-06-\\d\\d\\.csv: "
                + "[\\d,]+ rows, 0 not counted, in [\\d.]+ s")).count(), output);
        assertTrue(output.lines().anyMatch(line -> line.matches("Wrote " + Pattern.quote(
                report.toString()) + ": 30 day\\(s\\), [\\d,]+ rows from 30 file\\(s\\), 0 rows not counted, in "
                + "[\\d.]+ s \\(peak RSS \\d+ MiB, process CPU [\\d.]+ s\\)")), output);
    }

    @Test
    void aMonthsReportHasThePerDayFiguresAndOpensCleanly() throws Exception {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.open(report);
            assertEquals("Transactions of 2018-06-01 to 2018-06-30 (30 days)", page.getTitleText());
            assertEquals(List.of(), browser.errors());
            assertEquals(List.of(), browser.requests());
            for (String chart : List.of("chart-per-hour", "chart-amounts", "chart-scenarios",
                    "chart-per-day-transactions", "chart-per-day-frauds")) {
                assertNotNull(page.querySelector("svg#" + chart), chart);
                assertTrue(page.querySelector("#" + chart + " .x-label").getTextContent().length() > 3, chart);
                assertTrue(page.querySelector("#" + chart + " .y-label").getTextContent().length() > 3, chart);
            }
            assertEquals(30, page.querySelectorAll("#chart-per-day-transactions .series.actual rect").size());
            for (String series : List.of("fraud", "cards", "terminals")) {
                assertEquals(30, page.querySelectorAll("#chart-per-day-frauds .series." + series + " circle").size());
            }
        }
    }

    @Test
    void withDelayedLabelsTheReportSaysWhenItsFraudsBecomeKnownBesideTheModel() throws Exception {
        long frauds = FileFigures.of(month).values().stream().mapToLong(day -> day.frauds).sum();
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.open(report);
            assertNotNull(page.querySelector("svg#chart-label-delays"));
            assertEquals(frauds, ReportCells.labelDelay(page, "all", "frauds"), "every fraud of the month");
            assertEquals(63.2, ReportCells.labelDelay(page, "7", "expected-share"), 0.05, "docs/data.md: 63.2% within 7 days");
            assertEquals(63.2, ReportCells.labelDelay(page, "7", "case-share"), 10, "the month's cases, near the model");
        }
    }

    @Test
    void thePerDayTableAndTheTotalsAreTheFilesCountedIndependently() throws Exception {
        Map<String, FileFigures> days = FileFigures.of(month);
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.open(report);
            List<DomNode> rows = page.querySelectorAll("#per-day-table tbody tr");
            assertEquals(30, rows.size());
            for (DomNode row : rows) {
                DomElement tr = (DomElement) row;
                FileFigures day = days.get(tr.getAttribute("data-date"));
                List<String> cells = tr.getElementsByTagName("td").stream().map(DomNode::getTextContent).toList();
                assertEquals(String.format("%,d", day.rows), cells.get(0), tr.getAttribute("data-date"));
                assertEquals(String.format("%,d", day.frauds), cells.get(1));
                assertEquals(String.format("%,d", day.defraudedCustomers.size()), cells.get(3));
                assertEquals(String.format("%,d", day.compromisedTerminals.size()), cells.get(4));
            }
            long total = days.values().stream().mapToLong(day -> day.rows).sum();
            long frauds = days.values().stream().mapToLong(day -> day.frauds).sum();
            double customersPerDay = days.values().stream().mapToInt(day -> day.customers.size()).average()
                    .orElseThrow();
            assertEquals(total, value(page, "rows"));
            assertEquals(frauds, value(page, "frauds"));
            assertEquals(customersPerDay, value(page, "customers"), 1e-9);
        }
    }

    @Test
    void aFileTheReportCannotReadIsNamedInOneLineWithExitStatusOne() throws Exception {
        Path notTransactions = Files.writeString(data.resolve("names.csv"), "NAME,AGE\nAda,36\n");
        String said = run(jar("report-bad", "report", "--out", data.resolve("bad.html").toString(),
                notTransactions.toString()), 1);
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.startsWith("report: names.csv: ") && said.contains("has no column"), said);
    }

    private static double value(HtmlPage page, String key) {
        return ReportCells.keyNumber(page, key, "actual");
    }
}
