package io.github.txsim.labels;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisFaultProxy;
import io.github.txsim.testing.PandasCsv;
import io.github.txsim.testing.TransactionFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * labels.mode=delayed end to end against kinesalite: the transaction records leave the label out, and each fraud row
 * gives one label event on the label stream, known when the model says, with one settlement marker a day; labels not
 * due at the end of a run wait on disk for the next one, through kill -9, SIGTERM and a label stream not there.
 */
class LabelStreamIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2),
            LocalDate.of(2026, 11, 3));

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private ApplicationProcess application(String stream, String name) {
        return ApplicationProcess.runOnce(KINESIS, stream, data, name).set("labels.mode", "delayed")
                .set("kinesis.labels.streamName", stream + "-labels");
    }

    /** The days' rows, by transaction id. */
    private Map<String, CSVRecord> writeDays() throws Exception {
        Path source = Files.createDirectories(data.resolve("source"));
        Map<String, CSVRecord> rows = new TreeMap<>();
        for (LocalDate day : DAYS) {
            Path file = TransactionFiles.writeDay(source, day);
            try (Reader reader = Files.newBufferedReader(file)) {
                for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    rows.put(row.get("TRANSACTION_ID"), row);
                }
            }
        }
        return rows;
    }

    private static List<JsonNode> read(String stream) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (Kinesalite.ReceivedRecord record : KINESIS.readAll(stream)) {
            JsonNode json = JSON.readTree(record.data());
            records.add(json);
            if (!json.path("LABEL_TYPE").asText().equals("SETTLED")) {
                assertEquals(json.get("CUSTOMER_ID").asText(), record.partitionKey(), "keyed by the customer");
            }
        }
        return records;
    }

    @Test
    void theTransactionsGoWithoutTheirLabelAndEachFraudGetsOneLabelEventAFixedDelayLater() throws Exception {
        KINESIS.createStream("fixed", 2);
        KINESIS.createStream("fixed-labels", 2);
        Map<String, CSVRecord> rows = writeDays();
        List<CSVRecord> frauds = rows.values().stream().filter(row -> row.get("TX_FRAUD").equals("1")).toList();
        assertTrue(frauds.size() > 10, "the days have frauds: " + frauds.size());

        try (ApplicationProcess run = application("fixed", "fixed").set("labels.delay", "1d")
                .set("labels.atEnd", "send").set("app.verify", "true").start()) {
            assertEquals(0, run.awaitExit(Duration.ofSeconds(120)), run.output());
            assertTrue(run.output().contains(String.format("Label events: %,d sent to Kinesis stream 'fixed-labels', 0 "
                    + "waiting", frauds.size() + DAYS.size())), run.output());
            assertTrue(run.output().contains(String.format("Verified the labels of 3 file(s): %,d fraud labels "
                    + "(%,d in Kinesis stream 'fixed-labels', 0 waiting), 0 missing, 0 duplicated, 0 for a genuine "
                    + "row; settlement markers for 3 of 3 days", frauds.size(), frauds.size())), run.output());
        }

        List<Path> archived = new ArrayList<>();
        for (String name : Folders.fileNames(data.resolve("archive"))) {
            archived.add(data.resolve("archive").resolve(name));
        }
        List<String> arguments = new ArrayList<>(List.of("verify"));
        archived.forEach(file -> arguments.add(file.toString()));
        try (ApplicationProcess verify = application("fixed", "verify").arguments(arguments.toArray(String[]::new))
                .start()) {
            assertEquals(0, verify.awaitExit(Duration.ofSeconds(60)), verify.output());
            assertTrue(verify.output().contains(String.format("Verified the labels of 3 file(s): %,d fraud "
                    + "labels (%,d in Kinesis stream 'fixed-labels', 0 waiting), 0 missing", frauds.size(),
                    frauds.size())), "the verify command reconciles the label stream too:\n" + verify.output());
        }

        List<JsonNode> transactions = read("fixed");
        assertEquals(rows.size(), transactions.size());
        assertTrue(transactions.stream().noneMatch(t -> t.has("TX_FRAUD") || t.has("TX_FRAUD_SCENARIO")),
                "no transaction record carries its label");
        List<JsonNode> labels = read("fixed-labels");
        Map<String, JsonNode> fraudLabels = new TreeMap<>();
        for (JsonNode label : labels) {
            if (label.get("LABEL_TYPE").asText().equals("FRAUD")) {
                assertTrue(fraudLabels.put(label.get("TRANSACTION_ID").asText(), label) == null, "once: " + label);
            }
        }
        assertEquals(frauds.stream().map(row -> row.get("TRANSACTION_ID")).sorted().toList(),
                List.copyOf(fraudLabels.keySet()), "one label event a fraud row, none for a genuine one");
        for (CSVRecord fraud : frauds) {
            JsonNode label = fraudLabels.get(fraud.get("TRANSACTION_ID"));
            assertEquals(fraud.get("TX_FRAUD_SCENARIO"), label.get("TX_FRAUD_SCENARIO").asText());
            assertEquals(fraud.get("TERMINAL_ID"), label.get("TERMINAL_ID").asText());
            assertEquals(LocalDateTime.parse(fraud.get("TX_DATETIME"), TIME).plusDays(1).format(TIME),
                    label.get("LABEL_KNOWN_AT").asText());
            assertEquals("fixed_delay", label.get("LABEL_SOURCE").asText());
        }
        List<String> settled = labels.stream().filter(l -> l.get("LABEL_TYPE").asText().equals("SETTLED"))
                .map(l -> l.get("SETTLED_BEFORE").asText() + " known " + l.get("LABEL_KNOWN_AT").asText()).sorted()
                .toList();
        assertEquals(List.of("2026-11-02 00:00:00 known 2026-11-09 00:00:00",
                "2026-11-03 00:00:00 known 2026-11-10 00:00:00", "2026-11-04 00:00:00 known 2026-11-11 00:00:00"),
                settled, "a settlement marker a day, labels.settleAfter (7 days) after it ends");
    }

    @Test
    void labelsNotDueAtTheEndOfARunWaitOnDiskAndTheNextRunSendsEachOnce() throws Exception {
        KINESIS.createStream("waiting", 2);
        KINESIS.createStream("waiting-labels", 2);
        Map<String, CSVRecord> rows = writeDays();
        long frauds = rows.values().stream().filter(row -> row.get("TX_FRAUD").equals("1")).count();

        long sentFirst;
        long waiting;
        try (ApplicationProcess run = application("waiting", "first").set("app.verify", "true").start()) {
            assertEquals(0, run.awaitExit(Duration.ofSeconds(120)), run.output());
            Matcher line = Pattern.compile("Label events: ([0-9,]+) sent to Kinesis stream 'waiting-labels', ([0-9,]+) "
                    + "waiting").matcher(run.output());
            assertTrue(line.find(), run.output());
            sentFirst = Long.parseLong(line.group(1).replace(",", ""));
            waiting = Long.parseLong(line.group(2).replace(",", ""));
            assertTrue(run.output().contains(", 0 missing, 0 duplicated, 0 for a genuine row; settlement markers for 3 "
                    + "of 3 days"), "sent or waiting, each label is accounted for:\n" + run.output());
        }
        assertEquals(frauds + DAYS.size(), sentFirst + waiting, "every label sent or waiting");
        assertTrue(waiting > 0, "the last days' labels are not known yet");
        List<JsonNode> first = read("waiting-labels");
        assertEquals(sentFirst, first.size());
        String lastTransaction = rows.values().stream().map(row -> row.get("TX_DATETIME")).max(String::compareTo)
                .orElseThrow();
        assertFalse(first.stream().anyMatch(l -> l.get("LABEL_KNOWN_AT").asText().compareTo(lastTransaction) > 0),
                "none went out before the transactions reached its time");

        try (ApplicationProcess run = application("waiting", "second").set("labels.atEnd", "send").start()) {
            assertEquals(0, run.awaitExit(Duration.ofSeconds(120)), run.output());
            assertTrue(run.output().contains(String.format("Label events: %,d sent to Kinesis stream "
                    + "'waiting-labels', 0 waiting", waiting)), run.output());
        }
        List<JsonNode> all = read("waiting-labels");
        assertEquals(frauds + DAYS.size(), all.size(), "each label once over the two runs");
        assertEquals(frauds, all.stream().filter(l -> l.get("LABEL_TYPE").asText().equals("FRAUD"))
                .map(l -> l.get("TRANSACTION_ID").asText()).distinct().count());
    }

    private static void awaitSaid(ApplicationProcess process, String text) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> process.output().contains(text));
        } catch (RuntimeException e) {
            throw new AssertionError("not said within 60 s: " + text + "\n" + process.output(), e);
        }
    }

    /** The labels the model gives the rows, in file order, by transaction id: what any run must send. */
    private static Map<String, String> expectedKnownAt(Map<String, CSVRecord> rows, long seed) {
        RowLabels model = new RowLabels(new ReportDelay.LongTailed(seed, Duration.ofDays(5), 1.0,
                Duration.ofDays(120)));
        Map<String, String> known = new TreeMap<>();
        for (CSVRecord row : rows.values()) {
            if (row.get("TX_FRAUD").equals("1")) {
                long id = Long.parseLong(row.get("TRANSACTION_ID"));
                long customer = Long.parseLong(row.get("CUSTOMER_ID"));
                LocalDateTime madeAt = LocalDateTime.parse(row.get("TX_DATETIME"), TIME);
                // the same draw as RowLabels.of, without a SourceRow
                known.put(row.get("TRANSACTION_ID"), LocalDateTime.ofEpochSecond(model.discover(customer, id,
                        madeAt.toEpochSecond(ZoneOffset.UTC)).knownAt(), 0, ZoneOffset.UTC).format(TIME));
            }
        }
        return known;
    }

    @Test
    void aRunKilledWhileLabelsWaitLosesNoneAndTheRestartDrawsTheSameLabels() throws Exception {
        KINESIS.createStream("killed", 2);
        KINESIS.createStream("killed-labels", 2);
        Map<String, CSVRecord> rows = writeDays();
        Map<String, String> expected = expectedKnownAt(rows, 42);

        ApplicationProcess first = application("killed", "first").set("publish.pacing", "rate:500")
                .set("publish.groupSize", "100").start();
        try (first) {
            await().atMost(Duration.ofSeconds(60)).until(() -> KINESIS.readAll("killed").size() >= rows.size() / 2);
            first.kill();
        }
        try (ApplicationProcess second = application("killed", "second").set("labels.atEnd", "send").start()) {
            assertEquals(0, second.awaitExit(Duration.ofSeconds(120)), second.output());
        }

        Map<String, List<String>> sent = new TreeMap<>();
        for (JsonNode label : read("killed-labels")) {
            if (label.get("LABEL_TYPE").asText().equals("FRAUD")) {
                sent.computeIfAbsent(label.get("TRANSACTION_ID").asText(), id -> new ArrayList<>())
                        .add(label.get("LABEL_KNOWN_AT").asText());
            }
        }
        assertEquals(expected.keySet(), sent.keySet(), "every fraud's label, none lost to the kill");
        long repeated = sent.values().stream().mapToLong(times -> times.size() - 1).sum();
        assertTrue(repeated <= 4 * 100, "at most the groups in flight again: " + repeated);
        sent.forEach((id, times) -> assertTrue(times.stream().allMatch(expected.get(id)::equals),
                id + " known at " + times + ", as an uninterrupted run draws it: " + expected.get(id)));
    }

    /**
     * A handbook day written by pandas (with its index column), published by the service at 7,200 times its pace: a
     * label stream not there stops the start, naming its setting; the destination out of reach mid-file is said once
     * for the labels, which go once it is back; SIGTERM stops the service with labels still waiting (the day's
     * settlement marker at least), and the next run sends them. Every fraud's label arrives, and no label is repeated beyond a group.
     */
    @Test
    void aHandbookFilesLabelsOutwaitAnOutageAndASigtermAndNoneIsLost() throws Exception {
        KINESIS.createStream("handbook", 2);
        String csv = PandasCsv.of(PandasCsv.handbookDay(LocalDate.of(2018, 6, 1)), true);
        TransactionFiles.write(Files.createDirectories(data.resolve("source")), "handbook.csv", csv);
        List<String> frauds = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get().parse(new StringReader(csv)).stream()
                .filter(row -> row.get("TX_FRAUD").equals("1")).map(row -> row.get("TRANSACTION_ID")).sorted()
                .toList();

        try (ApplicationProcess missing = application("handbook", "missing").start()) {
            assertEquals(1, missing.awaitExit(Duration.ofSeconds(60)), missing.output());
            assertTrue(missing.output().contains("Cannot start: Kinesis stream 'handbook-labels' does not exist in "
                    + "region us-east-1: create it, or set kinesis.labels.streamName"), missing.output());
        }
        KINESIS.createStream("handbook-labels", 2);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client());
                ApplicationProcess service = application("handbook", "service")
                        .set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                        .set("app.runOnce", "false").set("publish.pacing", "7200").set("labels.delay", "4h")
                        .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> KINESIS.readAll("handbook-labels").size() >= 3);
            proxy.goAway();
            // labels are kept once their transactions are acknowledged: those kept, 4 hours after their fraud, come
            // due on the paced clock, which runs on while the destination is out of reach
            awaitSaid(service, "label events not acknowledged by Kinesis stream 'handbook-labels'");
            proxy.comeBack();
            awaitSaid(service, "Kinesis stream 'handbook-labels' takes label events again");
            await().atMost(Duration.ofSeconds(90)).until(() -> Folders.fileNames(data.resolve("archive"))
                    .contains("handbook.csv"));
            assertEquals(143, service.terminate(Duration.ofSeconds(30)), service.output());
            assertEquals(1, service.output().lines().filter(line -> line.contains(" WARN ")
                    && line.contains("label events")).count(), "the labels' outage said once:\n" + service.output());
        }

        try (ApplicationProcess run = application("handbook", "next").set("labels.delay", "4h")
                .set("labels.atEnd", "send").start()) {
            assertEquals(0, run.awaitExit(Duration.ofSeconds(120)), run.output());
            Matcher line = Pattern.compile("Label events: ([0-9,]+) sent to Kinesis stream 'handbook-labels', 0 "
                    + "waiting").matcher(run.output());
            assertTrue(line.find() && Long.parseLong(line.group(1).replace(",", "")) >= 1,
                    "the day's settlement marker (at least) waited through SIGTERM:\n" + run.output());
        }
        List<JsonNode> labels = read("handbook-labels");
        List<String> sent = labels.stream().filter(l -> l.get("LABEL_TYPE").asText().equals("FRAUD"))
                .map(l -> l.get("TRANSACTION_ID").asText()).toList();
        assertEquals(frauds, sent.stream().distinct().sorted().toList(), "every fraud's label");
        assertTrue(sent.size() - frauds.size() <= 500, "repeated at most a group cut off by the outage: "
                + (sent.size() - frauds.size()));
        assertEquals(1, labels.stream().filter(l -> l.get("LABEL_TYPE").asText().equals("SETTLED")).count());
        assertTrue(read("handbook").stream().noneMatch(t -> t.has("TX_FRAUD")), "the label left out of each record");
    }
}
