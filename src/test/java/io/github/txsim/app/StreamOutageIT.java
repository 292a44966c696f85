package io.github.txsim.app;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisFaultProxy;
import io.github.txsim.testing.TransactionFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stream gone while the application runs, as an operator sees it in the log: its endpoint out of reach in the
 * middle of a file (the fault proxy stops listening), and a deleted stream in a run-once run. One ERROR says what is
 * wrong and what to do, one INFO says when it is over, no wall of redelivery warnings; a run-once run that waits
 * longer than publish.outage.maxWait ends with exit status 1 and leaves the file to the next run.
 */
class StreamOutageIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private static List<String> lines(ApplicationProcess process, String containing) {
        return process.output().lines().filter(line -> line.contains(containing)).toList();
    }

    @Test
    void anEndpointOutOfReachMidFileIsOneErrorThenOneInfoAndNothingIsLost() throws Exception {
        KINESIS.createStream("outage", 1);
        Files.createDirectories(data.resolve("source"));
        Path file = TransactionFiles.writeDay(data.resolve("source"), LocalDate.of(2026, 11, 8));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client())
                .limitShards(400, 1024 * 1024);
                ApplicationProcess service = ApplicationProcess.runOnce(KINESIS, "outage", data, "service")
                        .set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                        .set("app.runOnce", "false")
                        .set("publish.groupSize", "100")
                        .set("kinesis.rateLimit.recordsPerShardPerSecond", "400")
                        .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> KINESIS.readAll("outage").size() >= 500);
            proxy.goAwayFor(Duration.ofSeconds(8));
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    Files.exists(data.resolve("archive").resolve(file.getFileName())));
            service.terminate(Duration.ofSeconds(30));

            List<String> errors = lines(service, " ERROR ");
            assertEquals(1, errors.size(), service.output());
            assertTrue(errors.get(0).contains("Cannot reach Kinesis at " + proxy.endpoint()), errors.get(0));
            assertTrue(errors.get(0).contains("Publishing waits (" + file.getFileName() + " from its checkpoint on; "
                    + "nothing is lost)"), errors.get(0));
            assertEquals(1, lines(service, "Kinesis stream 'outage' takes records again after").size(),
                    service.output());
            assertEquals(List.of(), lines(service, " WARN ").stream().filter(line -> line.contains("Connection refused")
                    || line.contains("Unable to execute HTTP request")).toList(), "no redeliveries for the outage");
        }
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, "outage");
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertTrue(Delivery.duplicated(arrivals) <= 4 * 100, "duplicates at most the groups in flight: "
                + Delivery.duplicated(arrivals));
    }

    @Test
    void aRunOnceRunThatWaitsLongerThanItsLimitForADeletedStreamEndsWithStatus1AndLeavesTheFile() throws Exception {
        KINESIS.createStream("deleted", 1);
        List<String> lines = TransactionFiles.lines(LocalDate.of(2026, 11, 9), 1_000);
        Path file = data.resolve("source").resolve("day.csv");
        Files.createDirectories(file.getParent());
        ApplicationProcess waited = ApplicationProcess.runOnce(KINESIS, "deleted", data, "waited")
                .set("publish.outage.maxWait", "3s")
                .set("publish.readLock.minAge", "1s");
        // a writer holds the file open, so the run waits for its rows: the stream is deleted after the run checked
        // it at start and before any row exists
        try (OutputStream writer = Files.newOutputStream(file)) {
            writer.write((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
            writer.flush();
            waited.start();
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    waited.output().contains("Kinesis stream 'deleted' is ACTIVE"));
            KINESIS.deleteStream("deleted");
            writer.write((String.join("\n", lines.subList(1, lines.size())) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }

        assertEquals(1, waited.awaitExit(Duration.ofSeconds(60)), waited.output());
        List<String> errors = lines(waited, " ERROR ");
        assertEquals(2, errors.size(), waited.output());
        assertTrue(errors.get(0).contains("Kinesis stream 'deleted' does not exist (any longer): create it again"),
                errors.get(0));
        assertTrue(errors.get(1).contains("(publish.outage.maxWait is 3 s): the application stops; day.csv stays "
                + "in the source folder"), errors.get(1));
        assertEquals(List.of("day.csv"), Folders.fileNames(data.resolve("source")), "source");
        assertEquals(List.of(), Folders.fileNames(data.resolve("failed")), "failed");

        KINESIS.createStream("deleted", 1);
        ApplicationProcess next = ApplicationProcess.runOnce(KINESIS, "deleted", data, "next")
                .set("publish.readLock.minAge", "1s").start();
        assertEquals(0, next.awaitExit(Duration.ofSeconds(60)), next.output());
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, "deleted");
        assertEquals(1_000, arrivals.size(), "rows");
        lines.subList(1, lines.size()).forEach(line ->
                assertEquals(1, arrivals.get(Long.parseLong(line.split(",")[0])), "copies of " + line));
    }
}
