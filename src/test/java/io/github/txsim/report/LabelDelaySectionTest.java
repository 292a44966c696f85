package io.github.txsim.report;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.txsim.files.AtomicFiles;
import io.github.txsim.labels.ReportDelay;
import io.github.txsim.labels.RowLabels;
import io.github.txsim.simulator.DailyFileGenerator;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.DayReporter;
import io.github.txsim.simulator.GeneratedFile;
import io.github.txsim.simulator.ModelExpectations;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.Population;
import io.github.txsim.testing.Browser;
import io.github.txsim.testing.ReportCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's section on labels that arrive later: when the frauds of generated days become known, against the
 * model's expected shares, with the counts checked against the label stream's own draw over the files' rows.
 */
class LabelDelaySectionTest {

    private static final ReportDelay REALISTIC = new ReportDelay.LongTailed(11, Duration.ofDays(5), 1.0,
            Duration.ofDays(120));
    private static final LocalDate FIRST = LocalDate.of(2018, 7, 1);
    private static final int DAYS = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path data;
    private static final List<Path> files = new ArrayList<>();
    private static Path firstDaysReport;

    @BeforeAll
    static void generateDays() throws Exception {
        Population population = Population.generate(ReportPageTest.SETTINGS);
        try (DailyTransactionGenerator generator = new DailyTransactionGenerator(ReportPageTest.SETTINGS, population)) {
            DayReports reports = new DayReports(data.resolve("reports"), page(), "Made by a test",
                    Optional.of(REALISTIC));
            DailyFileGenerator withReport = new DailyFileGenerator(generator, Files.createDirectories(
                    data.resolve("source")), List.of(), Clock.systemUTC(), 0, file -> { }, reports);
            GeneratedFile first = withReport.generate(FIRST).orElseThrow();
            files.add(first.path());
            firstDaysReport = first.report();
            DailyFileGenerator plain = new DailyFileGenerator(generator, data.resolve("source"), List.of(),
                    Clock.systemUTC(), 0, file -> { }, DayReporter.NONE);
            for (int day = 1; day < DAYS; day++) {
                files.add(plain.generate(FIRST.plusDays(day)).orElseThrow().path());
            }
        }
    }

    private static ReportPage page() {
        return new ReportPage(ReportPageTest.SETTINGS, new ModelExpectations(ReportPageTest.SETTINGS,
                Population.generate(ReportPageTest.SETTINGS), Partition.WHOLE));
    }

    /** The report command's way: the files read in order, and the delays drawn as the label stream draws them. */
    private static HtmlPage report(Browser browser, ReportData read, String name) throws Exception {
        TransactionFileReader reader = new TransactionFileReader();
        for (Path file : files) {
            reader.read(file, read);
        }
        Path report = data.resolve(name);
        String html = page().html(read, "Made by a test");
        AtomicFiles.write(report, writer -> writer.write(html));
        return browser.open(report);
    }

    /** Frauds (or cases) known within each mark, counted straight from the rows with the label stream's model. */
    private static long[][] countedFromTheRows(ReportDelay delay) throws Exception {
        RowLabels labels = new RowLabels(delay);
        long[][] within = new long[2][LabelDelays.WITHIN.size()];
        for (Path file : files) {
            try (Reader in = Files.newBufferedReader(file)) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(in)) {
                    if (row.get("TX_FRAUD").equals("1")) {
                        long madeAt = LocalDateTime.parse(row.get("TX_DATETIME"), TIME).toEpochSecond(ZoneOffset.UTC);
                        RowLabels.Discovery known = labels.discover(Long.parseLong(row.get("CUSTOMER_ID")),
                                Long.parseLong(row.get("TRANSACTION_ID")), madeAt);
                        for (int mark = 0; mark < LabelDelays.WITHIN.size(); mark++) {
                            if (known.knownAt() - madeAt <= LabelDelays.WITHIN.get(mark).toSeconds()) {
                                within[0][mark]++;
                                within[1][mark] += known.opensCase() ? 1 : 0;
                            }
                        }
                    }
                }
            }
        }
        return within;
    }

    @Test
    void theSharesOfCasesKnownWithinADayAWeekAndAMonthAreTheModelsAndEveryFraudIsCounted() throws Exception {
        long[][] counted = countedFromTheRows(REALISTIC);
        try (Browser browser = new Browser()) {
            HtmlPage page = report(browser, new ReportData(new RowLabels(REALISTIC)), "realistic.html");
            ReportPageTest.assertChart(page, "chart-label-delays", "Days from the fraud to its label", "Share (%)");
            assertEquals(LabelDelays.DAY_BINS, page.querySelectorAll("#chart-label-delays .series.actual rect").size());
            double cases = ReportCells.labelDelay(page, "all", "cases");
            assertTrue(cases > 300, "enough cases to compare: " + cases);
            double[] model = {5.4, 63.2, 96.3}; // docs/data.md, "Label events"
            for (int mark = 0; mark < model.length; mark++) {
                String within = Long.toString(LabelDelays.WITHIN.get(mark).toDays());
                assertEquals(counted[0][mark], ReportCells.labelDelay(page, within, "frauds"), "frauds within " + within + " days");
                assertEquals(counted[1][mark], ReportCells.labelDelay(page, within, "cases"), "cases within " + within + " days");
                double expected = ReportCells.labelDelay(page, within, "expected-share");
                assertEquals(model[mark], expected, 0.05, "the model's share within " + within + " days");
                // a binomial share of the cases: four standard deviations
                double spread = 100 * Math.sqrt(expected / 100 * (1 - expected / 100) / cases);
                assertEquals(expected, ReportCells.labelDelay(page, within, "case-share"), 4 * spread, "cases within " + within);
            }
        }
    }

    @Test
    void aFixedDelayKnowsEveryFraudThatLongAfterIt() throws Exception {
        try (Browser browser = new Browser()) {
            HtmlPage page = report(browser, new ReportData(new RowLabels(new ReportDelay.Fixed(Duration.ofDays(7)))),
                    "fixed.html");
            double frauds = ReportCells.labelDelay(page, "all", "frauds");
            assertEquals(frauds, ReportCells.labelDelay(page, "all", "cases"), "each fraud a case of its own");
            assertEquals(0, ReportCells.labelDelay(page, "1", "frauds"));
            assertEquals(frauds, ReportCells.labelDelay(page, "7", "frauds"));
            assertEquals(100, ReportCells.labelDelay(page, "7", "expected-share"));
            assertTrue(page.querySelector("#label-delays figcaption").getTextContent().contains(
                    "every fraud is known 7d after it (labels.delay)"));
        }
    }

    @Test
    void aGeneratedDaysReportShowsItsFraudsDelaysAndAReportWithoutLabelsDoesNot() throws Exception {
        try (Browser browser = new Browser()) {
            HtmlPage generated = browser.open(firstDaysReport);
            assertEquals(ReportPageTest.actual(generated, "frauds"), ReportCells.labelDelay(generated, "all", "frauds"));
            assertTrue(generated.querySelector("#label-delays figcaption").getTextContent().contains(
                    "median 5d, spread 1, at most 120d (labels.reportMedian, labels.reportSpread, labels.reportMax)"));
            HtmlPage plain = report(browser, new ReportData(), "plain.html");
            assertNull(plain.querySelector("#label-delays"), "labels.mode=inline: no such section");
        }
    }
}
