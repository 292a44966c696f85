package io.github.txsim.app;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rows near Kinesis's record limit, in a file larger than the heap: 64 rows of about 900 KB each (58 MB) publish
 * with the runnable jar at -Xmx96m (with -XX:+ExitOnOutOfMemoryError, as the systemd unit and the image run it),
 * because groups are bounded in bytes as well as in rows (publish.groupBytes): one group of all 64 rows would take
 * about three times the file in memory. Eight shards, so that their byte limits (1 MiB/s each, which the rate limiter
 * keeps to as on AWS) let the file through in seconds. And rows over 1 MiB, to a stream whose maximum record size was
 * raised (UpdateMaxRecordSize, which the emulator's server adds to kinesalite): the stream's own limit decides.
 */
class LargeRowsIT {

    private static final Path JAR = Path.of("target", "transaction-stream-simulator.jar");
    private static final int ROWS = 64;
    private static final int NOTE = 900 * 1024;

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    @Test
    void aStreamsRaisedMaximumRecordSizeDecidesWhichRowsAreTooLarge() throws Exception {
        KINESIS.createStream("raised-limit", 1);
        String arn = KINESIS.client().describeStreamSummary(b -> b.streamName("raised-limit"))
                .streamDescriptionSummary().streamARN();
        KINESIS.client().updateMaxRecordSize(b -> b.streamARN(arn).maxRecordSizeInKiB(3 * 1024));
        Files.createDirectories(data.resolve("source"));
        Path staging = data.resolve(".raised.csv.part");
        try (BufferedWriter writer = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
            writer.write("TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT,NOTE\n");
            writer.write("0,0,1.00,small\n");
            writer.write("1,1,1.00," + "x".repeat(3 * 1024 * 1024 / 2) + "\n"); // 1.5 MiB: over the default
            writer.write("2,2,1.00," + "y".repeat(3 * 1024 * 1024) + "\n"); // 3 MiB and its columns: over 3 MiB
            writer.write("3,3,1.00," + "z".repeat(5 * 1024 * 1024 / 2) + "\n"); // 2.5 MiB
        }
        Files.move(staging, data.resolve("source").resolve("raised.csv"));

        ApplicationProcess application = ApplicationProcess.runOnce(KINESIS, "raised-limit", data, "raised")
                .jvmOption("-Xmx256m");
        try (application) {
            assertEquals(0, application.start().awaitExit(Duration.ofSeconds(120)), application.output());
        }
        assertTrue(application.output().contains("it takes records of up to 3072 KiB"), application.output());
        assertTrue(application.output().contains("Published raised.csv: 4 rows, 3 records acknowledged, 1 "
                + "rejected"), application.output());
        String rejects = Files.readString(data.resolve("archive").resolve("raised.csv.rejects"));
        List<String> lines = rejects.lines().toList();
        assertEquals(2, lines.size(), rejects.substring(0, 200));
        assertTrue(lines.get(1).startsWith("4,\"the record would be "), rejects.substring(0, 200));
        assertTrue(rejects.contains("over Kinesis's limit of 3,145,728"), rejects.substring(0, 200));
        List<Kinesalite.ReceivedRecord> records = KINESIS.readAll("raised-limit");
        assertEquals(List.of("0", "1", "3"), records.stream().map(Kinesalite.ReceivedRecord::partitionKey).sorted()
                .toList());
        assertEquals(3 * 1024 * 1024 / 2, records.stream().filter(r -> r.partitionKey().equals("1")).findFirst()
                .orElseThrow().data().chars().filter(c -> c == 'x').count());
    }

    @Test
    void rowsOfNearlyAMebibyteEachPublishWithinAHeapSmallerThanTheFile() throws Exception {
        KINESIS.createStream("large-rows", 8);
        Files.createDirectories(data.resolve("source"));
        Path staging = data.resolve(".large.csv.part");
        String note = "x".repeat(NOTE);
        try (BufferedWriter writer = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
            writer.write("TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT,NOTE\n");
            for (int i = 0; i < ROWS; i++) {
                writer.write(i + "," + i + ",1.00," + note + "\n");
            }
        }
        Files.move(staging, data.resolve("source").resolve("large.csv"));

        ApplicationProcess application = ApplicationProcess.runOnce(KINESIS, "large-rows", data, "large")
                .fromJar(JAR).jvmOption("-Xmx96m").jvmOption("-XX:+ExitOnOutOfMemoryError");
        try (application) {
            assertEquals(0, application.start().awaitExit(Duration.ofSeconds(240)), application.output());
        }
        assertTrue(application.output().contains("Published large.csv: 64 rows, 64 records acknowledged, 0 "
                + "rejected"), application.output());
        assertEquals(List.of("large.csv"), Folders.fileNames(data.resolve("archive")));
        List<Kinesalite.ReceivedRecord> records = KINESIS.readAll("large-rows");
        assertEquals(ROWS, records.size());
        assertEquals(ROWS, records.stream().map(Kinesalite.ReceivedRecord::partitionKey).distinct().count());
    }
}
