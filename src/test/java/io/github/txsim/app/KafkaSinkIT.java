package io.github.txsim.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.LocalKafka;
import io.github.txsim.testing.TopicChanges;
import io.github.txsim.testing.TransactionFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka sink (publish.sink=kafka) against a real broker, Kafka's own in KRaft mode on a loopback port: a day
 * arrives exactly, keyed by customer, and is verified; bad rows are named, and a row larger than the topic's own
 * max.message.bytes is rejected alone; a broker that goes away mid-file is said within kafka.apiTimeout, waited for,
 * and loses nothing; a topic deleted mid-file is waited for until created again, and every row is in the old topic or
 * the new one; a run killed with kill -9 resumes from its checkpoint.
 */
class KafkaSinkIT {

    private static final int GROUP_SIZE = 100;
    private static final int IN_FLIGHT = 4;

    @RegisterExtension
    static final LocalKafka KAFKA = new LocalKafka();

    @TempDir
    Path data;

    private ApplicationProcess application(String topic, String name) {
        return new ApplicationProcess(data.resolve(name + ".log"))
                .setAll(KAFKA.applicationProperties(topic))
                .set("app.runOnce", "true")
                .set("generator.enabled", "false")
                .set("publish.groupSize", Integer.toString(GROUP_SIZE))
                .set("publish.maxInFlight", Integer.toString(IN_FLIGHT))
                .set("publish.pollDelay", "100ms")
                .dataFolders(data);
    }

    private Path day(LocalDate date) throws Exception {
        Files.createDirectories(data.resolve("source"));
        return TransactionFiles.writeDay(data.resolve("source"), date);
    }

    @Test
    void aDayArrivesInTheTopicExactlyOnceKeyedByItsCustomerAndTheRunVerifiesIt() throws Exception {
        KAFKA.createTopic("day", 2);
        Path file = day(LocalDate.of(2026, 12, 1));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);

        ApplicationProcess run = application("day", "run").set("app.verify", "true").start();
        assertEquals(0, run.awaitExit(Duration.ofSeconds(90)), run.output());

        assertEquals(List.of(file.getFileName().toString()), Folders.fileNames(data.resolve("archive")));
        assertTrue(run.output().contains("Publishing " + file.getFileName() + " to Kafka topic 'day'"), run.output());
        assertTrue(run.output().contains(String.format("Verified %s: %,d of %,d records", file.getFileName(),
                rows.size(), rows.size())), run.output());
        ObjectMapper json = new ObjectMapper();
        Map<String, String> keyById = new HashMap<>();
        for (LocalKafka.ReceivedRecord record : KAFKA.readAll("day")) {
            JsonNode value = json.readTree(record.value());
            assertEquals(null, keyById.put(value.get("TRANSACTION_ID").asText(), record.key()), "arrived twice");
            assertEquals(value.get("CUSTOMER_ID").asText(), record.key(), "the key is the customer id");
        }
        assertEquals(rows.size(), keyById.size(), "records in the topic");
        for (CSVRecord row : rows) {
            assertEquals(row.get("CUSTOMER_ID"), keyById.get(row.get("TRANSACTION_ID")), "row " + row.getRecordNumber());
        }

        Path archived = data.resolve("archive").resolve(file.getFileName());
        ApplicationProcess verify = new ApplicationProcess(data.resolve("verify.log"))
                .setAll(KAFKA.applicationProperties("day")).arguments("verify", archived.toString()).start();
        assertEquals(0, verify.awaitExit(Duration.ofSeconds(60)), verify.output());
        assertTrue(verify.output().contains(String.format("Verified %s: %,d of %,d records", file.getFileName(),
                rows.size(), rows.size())), verify.output());
    }

    @Test
    void badRowsAreNamedInTheRejectsAndTheOthersArrive() throws Exception {
        KAFKA.createTopic("bad", 1);
        Files.createDirectories(data.resolve("source"));
        TransactionFiles.write(data.resolve("source"), "bad.csv", String.join("\n",
                "TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT", "1,10,1.00", "2,20,two", "3,,3.00", "4,40,4.00") + "\n");

        ApplicationProcess run = application("bad", "run").start();
        assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run.output());

        assertEquals(List.of("bad.csv", "bad.csv.rejects"), Folders.fileNames(data.resolve("archive")));
        List<String> rejects = Files.readAllLines(data.resolve("archive").resolve("bad.csv.rejects"),
                StandardCharsets.UTF_8);
        assertEquals(3, rejects.size(), String.join("\n", rejects));
        assertTrue(rejects.get(1).startsWith("3,TX_AMOUNT is not a number"), rejects.get(1));
        assertTrue(rejects.get(2).startsWith("4,CUSTOMER_ID must not be empty"), rejects.get(2));
        assertEquals(List.of("10", "40"), KAFKA.readAll("bad").stream().map(LocalKafka.ReceivedRecord::key).toList());
    }

    @Test
    void aBrokerGoneMidFileIsSaidWithinTheApiTimeoutWaitedForAndNothingIsLost() throws Exception {
        KAFKA.createTopic("outage", 2);
        Path file = day(LocalDate.of(2026, 12, 2));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);

        try (ApplicationProcess run = application("outage", "run")
                .set("publish.pacing", "rate:400")
                .set("kafka.apiTimeout", "3s")
                .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.readAll("outage").size() >= 300);
            KAFKA.kill();
            // said while the producer still retries its sends itself (kafka.deliveryTimeout, 30 s)
            try {
                await().atMost(Duration.ofSeconds(8)).until(() -> run.output().contains("Cannot reach Kafka at "
                        + KAFKA.bootstrapServers()));
            } catch (RuntimeException e) {
                throw new AssertionError("not said within 8 s:\n" + run.output(), e);
            }
            KAFKA.restart();
            assertEquals(0, run.awaitExit(Duration.ofSeconds(120)), run.output());
            List<String> errors = run.output().lines().filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(1, errors.size(), run.output());
            assertTrue(run.output().contains("Kafka topic 'outage' takes records again after"), run.output());
            assertFalse(run.output().contains("null"), "every error says what it is:\n" + run.output());
            Matcher resent = Pattern.compile("([0-9,]+) resent, in").matcher(run.output());
            assertTrue(resent.find() && Long.parseLong(resent.group(1).replace(",", "")) > 0,
                    "the records the outage cut off count as resent:\n" + run.output());
        }
        Map<Long, Integer> arrivals = KAFKA.arrivals("outage");
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertTrue(Delivery.duplicated(arrivals) <= IN_FLIGHT * GROUP_SIZE, "duplicates at most the groups in "
                + "flight: " + Delivery.duplicated(arrivals));
    }

    @Test
    void scramAuthenticatesAndAWrongPasswordIsRefusedInOneLine() throws Exception {
        KAFKA.createTopic("scram", 1);
        Files.createDirectories(data.resolve("source"));
        TransactionFiles.writeRows(data.resolve("source"), "scram.csv", LocalDate.of(2026, 12, 6), 20);

        ApplicationProcess wrong = application("scram", "wrong").setAll(KAFKA.scramProperties("scram", "not-it"));
        assertEquals(1, wrong.start().awaitExit(Duration.ofSeconds(60)), wrong.output());
        List<String> lines = wrong.output().lines().filter(line -> line.contains(" ERROR ") || line.contains(" WARN ")
                || line.startsWith("\t") || line.contains("Exception")).toList();
        assertEquals(1, lines.size(), "one line:\n" + wrong.output());
        assertTrue(lines.get(0).contains("Cannot start: Cannot reach Kafka at ") && lines.get(0).contains(
                "SaslAuthenticationException"), lines.get(0));
        assertFalse(wrong.output().contains("not-it"), "the password is never logged");

        ApplicationProcess right = application("scram", "right").setAll(KAFKA.scramProperties("scram",
                LocalKafka.SCRAM_PASSWORD));
        assertEquals(0, right.start().awaitExit(Duration.ofSeconds(60)), right.output());
        assertEquals(20, KAFKA.readAll("scram").size());
    }

    @Test
    void aRowLargerThanTheTopicTakesIsRejectedAloneAndTheOthersArrive() throws Exception {
        KAFKA.createTopic("small-batches", 1, Map.of("max.message.bytes", "2000"));
        Files.createDirectories(data.resolve("source"));
        String large = "x".repeat(2500);
        TransactionFiles.write(data.resolve("source"), "large.csv", String.join("\n",
                "TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT,NOTE", "1,10,1.00,small", "2,20,2.00," + large, "3,30,3.00,small")
                + "\n");

        ApplicationProcess run = application("small-batches", "run").start();
        assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run.output());

        assertEquals(List.of("large.csv", "large.csv.rejects"), Folders.fileNames(data.resolve("archive")));
        List<String> rejects = Files.readAllLines(data.resolve("archive").resolve("large.csv.rejects"),
                StandardCharsets.UTF_8);
        assertEquals(2, rejects.size(), String.join("\n", rejects));
        assertTrue(rejects.get(1).startsWith("3,\"the record would be 2,"), rejects.get(1));
        assertTrue(rejects.get(1).contains("over Kafka's limit of " + String.format("%,d", 2000 - 82)), rejects.get(1));
        assertTrue(run.output().contains("Kafka topic 'small-batches' at " + KAFKA.bootstrapServers() + " has 1 "
                + "partition(s) and takes records of up to 1918 bytes"), run.output());
        assertEquals(List.of("10", "30"), KAFKA.readAll("small-batches").stream().map(LocalKafka.ReceivedRecord::key)
                .toList());
    }

    @Test
    void aTopicDeletedMidFileIsWaitedForUntilCreatedAgainAndEveryRowIsInTheOldTopicOrTheNew() throws Exception {
        KAFKA.createTopic("deleted", 2);
        Path file = day(LocalDate.of(2026, 12, 4));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);

        Map<Long, Integer> old;
        try (ApplicationProcess run = application("deleted", "run").set("publish.pacing", "rate:500")
                .set("kafka.apiTimeout", "3s").start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.readAll("deleted").size() >= 500);
            old = LocalKafka.arrivals(KAFKA.deleteUnder(run, "deleted"));
            // this broker creates no topic by itself: publishing waits for the topic, said once
            await().atMost(Duration.ofSeconds(30)).until(() -> run.output().contains("Kafka topic 'deleted' does not "
                    + "exist (any longer)"));
            KAFKA.createTopic("deleted", 2);
            assertEquals(0, run.awaitExit(Duration.ofSeconds(120)), run.output());
            assertTrue(run.output().contains("Kafka topic 'deleted' exists again"), run.output());
        }
        TopicChanges.assertEveryRowInOneOrTheOther(rows, old, KAFKA.arrivals("deleted"), IN_FLIGHT * GROUP_SIZE);
    }

    @Test
    void aRunKilledMidFileResumesFromItsCheckpointWithoutLosingARow() throws Exception {
        KAFKA.createTopic("crash", 2);
        Path file = day(LocalDate.of(2026, 12, 3));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);

        ApplicationProcess first = application("crash", "first").set("publish.pacing", "rate:400").start();
        await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.readAll("crash").size() >= 600);
        first.kill();
        long beforeRestart = KAFKA.readAll("crash").size();
        assertTrue(beforeRestart < rows.size(), "killed in the middle of the file: " + beforeRestart);

        ApplicationProcess second = application("crash", "second").start();
        assertEquals(0, second.awaitExit(Duration.ofSeconds(90)), second.output());
        assertTrue(second.output().contains("Resuming " + file.getFileName() + " after row"), second.output());

        Map<Long, Integer> arrivals = KAFKA.arrivals("crash");
        assertEquals(List.of(file.getFileName().toString()), Folders.fileNames(data.resolve("archive")));
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertTrue(Delivery.duplicated(arrivals) <= IN_FLIGHT * GROUP_SIZE, "duplicates at most the groups in "
                + "flight: " + Delivery.duplicated(arrivals));
    }
}
