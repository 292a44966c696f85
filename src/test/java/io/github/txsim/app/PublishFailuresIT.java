package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.testing.FaultInjectingKinesisClient;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.apache.camel.BeanInject;
import org.apache.camel.health.HealthCheck;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What happens to a file when Kinesis does not acknowledge its records: a partial failure is completed by resending
 * only the records that failed; a persistent failure, even of the last groups, keeps the file out of the archive; a
 * stream that is gone is waited for.
 */
class PublishFailuresIT extends ApplicationIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @BeanInject("destinationHealthCheck")
    HealthCheck streamHealth;

    private final FaultInjectingKinesisClient client = new FaultInjectingKinesisClient(KINESIS.client());

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false")
                .set("publish.recordTimeout", "2s")
                .set("camel.component.aws2-kinesis.amazonKinesisClient", "#bean:faultInjectingClient")
                .bind("faultInjectingClient", client);
    }

    @Test
    void aGroupWithThrottledRecordsIsCompletedWithoutSendingAnyRecordTwice() throws Exception {
        client.throttleSecondHalfOfCall(2);
        Path file = TransactionFiles.writeDay(data.resolve("source"), DAY);
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);

        await().atMost(Duration.ofSeconds(30)).until(() -> !Folders.fileNames(data.resolve("archive")).isEmpty());

        assertEquals(List.of(file.getFileName().toString()), Folders.fileNames(data.resolve("archive")));
        assertEquals(transactionIds(rows), receivedTransactionIds(), "every row exactly once, in order");
    }

    @Test
    void aLaterGroupThatKeepsFailingSendsTheFileToTheFailedFolderNotTheArchive() throws Exception {
        client.failEveryCallFrom(3);
        Path file = TransactionFiles.writeDay(data.resolve("source"), DAY);
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(data.resolve("failed")).size() == 2);

        String name = file.getFileName().toString();
        assertEquals(List.of(name, name + ".report"), Folders.fileNames(data.resolve("failed")));
        assertEquals(List.of(), Folders.fileNames(data.resolve("archive")), "archive");
        assertEquals(transactionIds(rows.subList(0, 1_000)), receivedTransactionIds(),
                "the two groups before the failure, each record once");
        List<String> report = Files.readAllLines(data.resolve("failed").resolve(name + ".report"));
        assertTrue(report.get(0).contains("injected failure of PutRecords call"), report.get(0));
        List<String> undelivered = report.stream().filter(line -> line.matches("\\d+,.*")).toList();
        assertEquals(500, undelivered.size(), "the third group's rows, each with its line");
        // each with the failure of the request it went in as its last error
        assertTrue(undelivered.get(0).matches("1002,injected failure of PutRecords call \\d+,\"" + rows.get(1_000)
                .get("TRANSACTION_ID") + ",.*"), undelivered.get(0));
    }

    @Test
    void aStreamDeletedIsWaitedForWithReadinessDownAndTheFileGoesOnOnceItExistsAgain() throws Exception {
        KINESIS.deleteStream(stream);
        Path file = TransactionFiles.writeDay(data.resolve("source"), DAY);
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);

        await().atMost(Duration.ofSeconds(30)).until(() -> streamHealth.call().getState() == HealthCheck.State.DOWN
                && streamHealth.call().getDetails().containsKey("waitingSince"));
        String message = streamHealth.call().getMessage().orElseThrow();
        assertTrue(message.contains("Kinesis stream '" + stream + "' does not exist (any longer): create it again"),
                message);
        // longer than the 2 s of retries the test allows a record: waiting for the stream does not use them up
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() ->
                Folders.fileNames(data.resolve("source")).equals(List.of(file.getFileName().toString()))
                        && Folders.fileNames(data.resolve("failed")).isEmpty());

        KINESIS.createStream(stream, 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !Folders.fileNames(data.resolve("archive")).isEmpty());

        assertEquals(transactionIds(rows), receivedTransactionIds(), "every row exactly once, in order");
        assertEquals(HealthCheck.State.UP, streamHealth.call().getState());
    }

    private static List<Long> transactionIds(List<CSVRecord> rows) {
        return rows.stream().map(row -> Long.parseLong(row.get("TRANSACTION_ID"))).toList();
    }

    private List<Long> receivedTransactionIds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Long> ids = new java.util.ArrayList<>();
        for (Kinesalite.ReceivedRecord record : KINESIS.readAll(stream)) {
            ids.add(json.readTree(record.data()).get("TRANSACTION_ID").asLong());
        }
        return ids;
    }
}
