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
 * about three times the file in memory.
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
    void rowsOfNearlyAMebibyteEachPublishWithinAHeapSmallerThanTheFile() throws Exception {
        KINESIS.createStream("large-rows", 2);
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
