package io.github.txsim.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Browser;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.LoopbackPorts;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Quick start's run as a newcomer sees it: the application as its own process, from the project folder, with the
 * built-in settings (local mode, run once, health and metrics on); only its data folders and management port are the
 * test's. Its console says what matters in a few lines, and ends with the proof that the stream holds the day.
 */
class QuickStartConsoleIT {

    @TempDir
    Path data;

    @Test
    void theQuickStartSaysWhatMattersInFifteenLinesOrFewer() throws Exception {
        int port = LoopbackPorts.free();
        String output;
        try (ApplicationProcess application = new ApplicationProcess(data.resolve("quick-start.log"))
                .set("camel.management.enabled", "true")
                .set("camel.management.port", Integer.toString(port))
                .dataFolders(data)
                .start()) {
            assertEquals(0, application.awaitExit(Duration.ofSeconds(120)), application.output());
            output = application.output();
        }
        List<String> info = output.lines().filter(line -> line.contains(" INFO ")).toList();
        assertTrue(info.size() <= 15, info.size() + " lines at INFO:\n" + output);
        for (String expected : List.of("Local Kinesis emulator (kinesalite) listening on http://127.0.0.1:",
                "Health and metrics at http://127.0.0.1:" + port + "/observe/health",
                "Creating Kinesis stream 'transactions'", "Generated transactions-", "Published transactions-",
                " records in Kinesis stream 'transactions', 0 missing, 0 duplicated",
                "Run complete: 1 file(s) published, 0 failed")) {
            assertTrue(info.stream().anyMatch(line -> line.contains(expected)), expected + " in:\n" + output);
        }
        assertFalse(output.contains("0.0.0.0"), "no address the server does not listen on:\n" + output);
        assertFalse(output.contains(" WARN ") || output.contains(" ERROR "), output);
        theGenerationLineNamesAReportThatOpensWithEveryFigure(info);
    }

    @Test
    void theKafkaQuickStartWithDelayedLabelsStartsItsOwnBrokerAndEndsWithItsVerification() throws Exception {
        String output;
        try (ApplicationProcess application = new ApplicationProcess(data.resolve("quick-start-kafka.log"))
                .set("publish.sink", "kafka")
                .set("labels.mode", "delayed")
                .set("generator.report", "false")
                .dataFolders(data)
                .start()) {
            assertEquals(0, application.awaitExit(Duration.ofSeconds(180)), application.output());
            output = application.output();
        }
        List<String> info = output.lines().filter(line -> line.contains(" INFO ")).toList();
        assertTrue(info.size() <= 15, info.size() + " lines at INFO:\n" + output);
        for (String expected : List.of("Local Kafka broker (KRaft, one node) listening on 127.0.0.1:",
                "Creating Kafka topic 'transactions'", "Published transactions-", "to Kafka topic 'transactions'",
                " records in Kafka topic 'transactions', 0 missing, 0 duplicated",
                "Creating Kafka topic 'transaction-labels'", "sent to Kafka topic 'transaction-labels', ",
                " waiting (the next known at ", "in Kafka topic 'transaction-labels', ", "), 0 missing, 0 duplicated, "
                        + "0 for a genuine row; settlement markers for 1 of 1 days",
                "Run complete: 1 file(s) published, 0 failed",
                "Local Kafka broker stopped")) {
            assertTrue(info.stream().anyMatch(line -> line.contains(expected)), expected + " in:\n" + output);
        }
        assertFalse(output.contains(" WARN ") || output.contains(" ERROR "), output);
    }

    @Test
    void theFilesQuickStartWithDelayedLabelsWritesJsonLinesAndEndsWithItsVerification() throws Exception {
        Path records = data.resolve("records");
        Path labels = data.resolve("labels");
        String output;
        try (ApplicationProcess application = new ApplicationProcess(data.resolve("quick-start-files.log"))
                .set("publish.sink", "files")
                .set("labels.mode", "delayed")
                .set("labels.atEnd", "send")
                .set("files.folder", records.toString())
                .set("files.labels.folder", labels.toString())
                .set("generator.report", "false")
                .dataFolders(data)
                .start()) {
            assertEquals(0, application.awaitExit(Duration.ofSeconds(120)), application.output());
            output = application.output();
        }
        List<String> info = output.lines().filter(line -> line.contains(" INFO ")).toList();
        for (String expected : List.of("Records go to JSON Lines files in " + records, "Published transactions-",
                "to JSON Lines folder '" + records + "'", " records in JSON Lines folder '" + records
                        + "', 0 missing, 0 duplicated", "sent to JSON Lines folder '" + labels + "', 0 waiting",
                "), 0 missing, 0 duplicated, 0 for a genuine row; settlement markers for 1 of 1 days",
                "Run complete: 1 file(s) published, 0 failed")) {
            assertTrue(info.stream().anyMatch(line -> line.contains(expected)), expected + " in:\n" + output);
        }
        assertFalse(output.contains(" WARN ") || output.contains(" ERROR "), output);
        List<String> written = Folders.fileNames(records);
        assertEquals(1, written.size(), written.toString());
        assertTrue(written.get(0).matches("transactions-\\d{4}-\\d{2}-\\d{2}\\.jsonl"), written.toString());
        assertEquals(List.of("labels.jsonl"), Folders.fileNames(labels), "every label event, put into place");
    }

    private void theGenerationLineNamesAReportThatOpensWithEveryFigure(List<String> info) throws Exception {
        String generated = info.stream().filter(line -> line.contains("Generated transactions-")).findFirst()
                .orElseThrow();
        Matcher named = Pattern.compile("; report (\\S+\\.html)$").matcher(generated);
        assertTrue(named.find(), generated);
        Path report = Path.of(named.group(1));
        assertEquals(data.resolve("reports"), report.getParent(), generated);
        try (Browser browser = new Browser()) {
            HtmlPage page = browser.open(report);
            assertEquals(List.of(), browser.errors());
            assertEquals(List.of(), browser.requests());
            for (String figure : List.of("key-numbers", "chart-per-hour", "chart-amounts", "chart-scenarios")) {
                assertNotNull(page.getElementById(figure), figure + " in " + report);
            }
        }
    }
}
