package io.github.txsim.app;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Checkpoint;
import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TransactionFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.Shard;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KPL aggregation (kinesis.aggregation=kpl) end to end, the application as its own process against kinesalite: what
 * it stored is read back as a consumer built on the KCL reads it (the KCL's own de-aggregation, which keeps only the
 * user records that belong to the shard it reads), and the run's own verification de-aggregates too. A shard split
 * while the file is published loses nothing: user records whose aggregated record landed in a shard they do not
 * belong to are sent again to their own.
 */
class AggregatedRecordsIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private ApplicationProcess aggregating(String stream, String name) {
        return ApplicationProcess.runOnce(KINESIS, stream, data, name)
                .set("kinesis.aggregation", "kpl")
                .set("app.verify", "true");
    }

    @Test
    void aDayOfAggregatedRecordsReadsBackThroughTheKclRowByRowAndVerifies() throws Exception {
        KINESIS.createStream("aggregated", 4);
        Path file = TransactionFiles.writeDay(Files.createDirectories(data.resolve("source")), LocalDate.of(2026,
                12, 1));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);
        ApplicationProcess application = aggregating("aggregated", "day");
        try (application) {
            assertEquals(0, application.start().awaitExit(Duration.ofSeconds(90)), application.output());
        }
        assertTrue(application.output().contains(String.format("Verified %s: %,d of %,d records in Kinesis stream "
                + "'aggregated', 0 missing, 0 duplicated", file.getFileName(), rows.size(), rows.size())),
                application.output());

        List<Kinesalite.ReceivedRecord> received = KINESIS.readAll("aggregated");
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, "aggregated");
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertEquals(0, Delivery.duplicated(arrivals), "duplicated");
        ObjectMapper json = new ObjectMapper();
        for (Kinesalite.ReceivedRecord record : received) {
            assertEquals(json.readTree(record.data()).get("CUSTOMER_ID").asText(), record.partitionKey(),
                    "each user record keeps its own partition key");
        }
        long stored = KINESIS.storedRecords("aggregated");
        assertTrue(stored * 20 < rows.size(), rows.size() + " rows in " + stored + " Kinesis records");
    }

    @Test
    void aShardSplitWhileAFileIsPublishedLosesNothing() throws Exception {
        KINESIS.createStream("resharded", 2);
        Path file = TransactionFiles.writeRows(Files.createDirectories(data.resolve("source")), "split.csv",
                LocalDate.of(2026, 12, 2), 1_500);
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);
        // about 50 KB a second in all: the file takes some 8 s, and the split comes after its first rows
        ApplicationProcess application = aggregating("resharded", "split")
                .set("publish.groupSize", "100")
                .set("kinesis.rateLimit.enabled", "true")
                .set("kinesis.rateLimit.bytesPerShardPerSecond", "25000")
                .set("kinesis.rateLimit.burst", "0");
        try (application) {
            application.start();
            Path checkpoint = data.resolve("checkpoints").resolve("split.csv.checkpoint");
            await().atMost(Duration.ofSeconds(60)).until(() -> Checkpoint.rowsDone(checkpoint) > 0);
            Shard parent = KINESIS.client().listShards(b -> b.streamName("resharded")).shards().get(0);
            BigInteger from = new BigInteger(parent.hashKeyRange().startingHashKey());
            BigInteger to = new BigInteger(parent.hashKeyRange().endingHashKey());
            KINESIS.client().splitShard(b -> b.streamName("resharded").shardToSplit(parent.shardId())
                    .newStartingHashKey(from.add(to).shiftRight(1).add(BigInteger.ONE).toString()));
            assertEquals(0, application.awaitExit(Duration.ofSeconds(90)), application.output());
        }
        assertTrue(Files.exists(data.resolve("archive").resolve("split.csv")), application.output());
        Matcher published = Pattern.compile("Published split.csv: 1,500 rows, 1,500 records acknowledged, 0 "
                + "rejected, ([0-9,]+) resent").matcher(application.output());
        assertTrue(published.find(), application.output());
        assertTrue(Long.parseLong(published.group(1).replace(",", "")) > 0, "the records that landed in the "
                + "wrong child shard were sent again: " + published.group());
        assertTrue(application.output().contains("Verified split.csv: 1,500 of 1,500 records in Kinesis stream "
                + "'resharded', 0 missing, 0 duplicated"), application.output());

        List<Kinesalite.ReceivedRecord> received = KINESIS.readAll("resharded");
        assertEquals(4, received.stream().map(Kinesalite.ReceivedRecord::shardId).distinct().count(),
                "records in the parents and in both children");
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, "resharded");
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertEquals(0, Delivery.duplicated(arrivals), "duplicated");
    }
}
