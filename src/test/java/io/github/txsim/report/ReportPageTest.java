package io.github.txsim.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.txsim.files.AtomicFiles;
import io.github.txsim.simulator.DailyFileGenerator;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.GeneratedFile;
import io.github.txsim.simulator.ModelExpectations;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;
import io.github.txsim.testing.Browser;
import io.github.txsim.testing.FileFigures;
import io.github.txsim.testing.ReportCells;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report of one generated day, opened in a headless browser: the page, its charts, and its numbers. */
class ReportPageTest {

    static final SimulatorSettings SETTINGS = new SimulatorSettings(5_000, 10_000, 5, 11, LocalDate.of(2018, 4, 1));
    private static final LocalDate DAY = LocalDate.of(2018, 7, 1);

    @TempDir
    static Path data;
    private static GeneratedFile generated;

    @BeforeAll
    static void generateADayWithItsReport() throws Exception {
        Population population = Population.generate(SETTINGS);
        ReportPage page = new ReportPage(SETTINGS, new ModelExpectations(SETTINGS, population, Partition.WHOLE));
        try (DailyTransactionGenerator generator = new DailyTransactionGenerator(SETTINGS, population)) {
            generated = new DailyFileGenerator(generator, Files.createDirectories(data.resolve("source")), List.of(),
                    Clock.systemUTC(), 0, file -> { }, new DayReports(data.resolve("reports"), page, "Made by a test",
                    Optional.empty()))
                    .generate(DAY).orElseThrow();
        }
    }

    @Test
    void theGeneratedDaysReportLiesInTheReportsFolderNamedAfterItsFile() {
        assertEquals(data.resolve("reports").resolve("transactions-2018-07-01.html"), generated.report());
        assertTrue(Files.isRegularFile(generated.report()));
    }

    @Test
    void opensWithoutErrorsAndWithoutARequestLeavingThePage() throws Exception {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.open(generated.report());
            assertEquals("Transactions of 2018-07-01", page.getTitleText());
            assertEquals(List.of(), browser.errors());
            assertEquals(List.of(), browser.requests());
            assertTrue(page.getElementsByTagName("script").isEmpty(), "no script at all");
        }
    }

    @Test
    void theBrowserWouldSeeAnOutsideRequestOrAScriptErrorWereThereOne() throws Exception {
        Path spoilt = data.resolve("spoilt.html");
        Files.writeString(spoilt, Files.readString(generated.report()).replace("</body>",
                "<img src=\"https://example.com/pixel.png\"><script>notDefined();</script></body>")
                .replace("default-src 'none'", "default-src *; script-src 'unsafe-inline'"));
        try (Browser browser = new Browser()) {
            browser.open(spoilt);
            assertEquals(List.of("GET https://example.com/pixel.png"), browser.requests());
            assertEquals(1, browser.errors().size(), browser.errors().toString());
        }
    }

    @Test
    void showsEveryChartOfADayWithAxisLabelsAndNoPerDayFigure() throws Exception {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.open(generated.report());
            assertChart(page, "chart-per-hour", "Hour of the day", "Transactions per hour");
            assertEquals(24, page.querySelectorAll("#chart-per-hour .series.actual rect").size());
            assertNotNull(page.querySelector("#chart-per-hour .series.expected polyline"));
            assertChart(page, "chart-amounts", "Amount", "Share of the kind's transactions (%)");
            assertNotNull(page.querySelector("#chart-amounts .series.genuine polyline"));
            assertNotNull(page.querySelector("#chart-amounts .series.fraud polyline"));
            assertChart(page, "chart-scenarios", "Fraud scenario", "Fraudulent transactions");
            assertEquals(3, page.querySelectorAll("#chart-scenarios .series.actual rect").size());
            assertEquals(3, page.querySelectorAll("#chart-scenarios .series.expected rect").size());
            assertNull(page.querySelector("#chart-per-day-transactions"), "one day: no per-day figure");
        }
    }

    @Test
    void theKeyNumbersAndTheHourlyBarsAreTheFilesCountedIndependently() throws Exception {
        FileFigures file = FileFigures.of(List.of(generated.path())).get(DAY.toString());
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.open(generated.report());
            assertEquals(file.rows, actual(page, "rows"));
            assertEquals(file.customers.size(), actual(page, "customers"));
            assertEquals(file.terminals.size(), actual(page, "terminals"));
            assertEquals(file.frauds, actual(page, "frauds"));
            assertEquals(100.0 * file.frauds / file.rows, actual(page, "fraud-rate"), 1e-9);
            for (int scenario = 1; scenario <= 3; scenario++) {
                assertEquals(file.scenarios[scenario], actual(page, "scenario-" + scenario));
            }
            assertEquals(file.meanAmount(), actual(page, "amount-mean"), 1e-6);
            assertEquals(file.amountStandardDeviation(), actual(page, "amount-spread"), 1e-6);
            List<DomNode> bars = page.querySelectorAll("#chart-per-hour .series.actual rect title");
            for (int hour = 0; hour < 24; hour++) {
                String tooltip = bars.get(hour).getTextContent();
                assertTrue(tooltip.endsWith(String.format(": %,d transactions", file.perHour[hour])), tooltip);
            }
        }
    }

    @Test
    void theExpectedValuesStandBesideThemAndAreClose() throws Exception {
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.open(generated.report());
            for (Map.Entry<String, Double> key : Map.of("rows", 0.02, "customers", 0.02, "terminals", 0.02,
                    "amount-mean", 0.02, "amount-spread", 0.05).entrySet()) {
                double actual = actual(page, key.getKey());
                double expected = value(page, key.getKey(), "expected");
                assertEquals(expected, actual, key.getValue() * expected, key.getKey());
            }
            // a day's frauds are a count of rare events, about Poisson: four standard deviations
            double frauds = value(page, "frauds", "expected");
            assertEquals(frauds, actual(page, "frauds"), 4 * Math.sqrt(frauds), "frauds");
        }
    }

    @Test
    void aFileReadBackGivesTheSameNumbersAsTheRowsItWasWrittenFrom() throws Exception {
        ReportData read = new ReportData();
        new TransactionFileReader().read(generated.path(), read);
        Path report = data.resolve("read-back.html");
        Population population = Population.generate(SETTINGS);
        String html = new ReportPage(SETTINGS, new ModelExpectations(SETTINGS, population, Partition.WHOLE))
                .html(read, "Made by a test");
        AtomicFiles.write(report, writer -> writer.write(html));
        try (Browser browser = new Browser()) {
            HtmlPage fromFile = browser.open(report);
            HtmlPage fromRows = browser.open(generated.report());
            for (DomNode row : fromRows.querySelectorAll("#key-numbers tbody tr")) {
                String key = ((DomElement) row).getAttribute("data-key");
                assertEquals(value(fromRows, key, "actual"), value(fromFile, key, "actual"), 1e-9, key);
                assertEquals(value(fromRows, key, "expected"), value(fromFile, key, "expected"), 1e-9, key);
            }
        }
        assertEquals(0, read.uncounted());
        assertFalse(Files.readString(report, StandardCharsets.UTF_8).contains("Rows not counted"));
    }

    static void assertChart(HtmlPage page, String id, String xLabel, String yLabel) {
        DomNode chart = page.querySelector("svg#" + id);
        assertNotNull(chart, id + " is on the page");
        assertTrue(page.querySelector("#" + id + " .x-label").getTextContent().startsWith(xLabel), id + " x axis");
        assertEquals(yLabel, page.querySelector("#" + id + " .y-label").getTextContent(), id + " y axis");
        assertTrue(page.querySelectorAll("#" + id + " .tick").size() > 3, id + " has ticks");
        assertNotNull(page.querySelector("#" + id + " .legend"), id + " has a legend");
    }

    static double actual(HtmlPage page, String key) {
        return value(page, key, "actual");
    }

    static double value(HtmlPage page, String key, String column) {
        return ReportCells.keyNumber(page, key, column);
    }
}
