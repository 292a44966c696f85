package io.github.txsim.app;

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
 * The application told to stop (SIGTERM, as systemd and {@code kill} send it) in the middle of a file: it stops
 * within seconds, the file stays in the source folder with its checkpoint (not in the failed folder), and the next
 * start resumes it. Nothing is lost; the duplicates are at most the groups that were in flight.
 */
class GracefulStopIT {

    private static final int GROUP_SIZE = 100;
    /** The JVM's exit status after SIGTERM, once its shutdown hooks (Camel's graceful shutdown) have run. */
    private static final int STOPPED_BY_SIGTERM = 143;

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private ApplicationProcess application(String stream, String name) {
        return ApplicationProcess.runOnce(KINESIS, stream, data, name)
                .set("publish.groupSize", Integer.toString(GROUP_SIZE))
                .set("publish.pollDelay", "100ms");
    }

    @Test
    void aPacedFileStoppedWhileWaitingForItsRecordsResumesAtTheNextStart() throws Exception {
        KINESIS.createStream("paced-stop", 1);
        Path file = dayFile();
        // a day of event time in 30 s: the stop comes while a group waits for its records' time
        ApplicationProcess first = application("paced-stop", "first").set("publish.pacing", "2880").start();
        await().atMost(Duration.ofSeconds(60)).until(() -> KINESIS.readAll("paced-stop").size() >= 3 * GROUP_SIZE);

        assertStoppedCleanly(first, file);
        assertResumes("paced-stop", file, GROUP_SIZE);
    }

    @Test
    void aFileStoppedWithGroupsInFlightAndRetryingResumesAtTheNextStart() throws Exception {
        KINESIS.createStream("busy-stop", 1);
        Path file = dayFile();
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client())
                .limitShards(400, 1024 * 1024)) {
            // four groups in flight against a shard that throttles: some of them are between retries at the stop
            ApplicationProcess first = application("busy-stop", "first")
                    .set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                    .set("publish.maxInFlight", "4")
                    .set("kinesis.rateLimit.enabled", "false")
                    .start();
            await().atMost(Duration.ofSeconds(60)).until(() -> KINESIS.readAll("busy-stop").size() >= 6 * GROUP_SIZE);

            assertStoppedCleanly(first, file);
        }
        assertResumes("busy-stop", file, 4 * GROUP_SIZE);
    }

    private Path dayFile() throws Exception {
        Files.createDirectories(data.resolve("source"));
        return TransactionFiles.writeDay(data.resolve("source"), LocalDate.of(2026, 11, 6));
    }

    private void assertStoppedCleanly(ApplicationProcess first, Path file) throws Exception {
        long started = System.nanoTime();
        assertEquals(STOPPED_BY_SIGTERM, first.terminate(Duration.ofSeconds(30)), first.output());
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 10, "stopped in " + seconds + " s");
        assertTrue(first.output().contains("Stopped publishing " + file.getFileName()), first.output());
        assertEquals(List.of(), first.output().lines()
                .filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ") || line.startsWith("Caused by")
                        || line.contains("PublishingStoppedException"))
                .toList(), "a stop is said at INFO, without errors or stack traces");
        assertTrue(Files.exists(file), "the file stays in the source folder");
        assertEquals(List.of(), Folders.fileNames(data.resolve("failed")));
        assertEquals(List.of(), Folders.fileNames(data.resolve("archive")));
    }

    private void assertResumes(String stream, Path file, int duplicatesAtMost) throws Exception {
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);
        long beforeRestart = KINESIS.readAll(stream).size();
        assertTrue(beforeRestart < rows.size(), "stopped in the middle of the file: " + beforeRestart);

        ApplicationProcess second = application(stream, "second").start();
        assertEquals(0, second.awaitExit(Duration.ofSeconds(90)), second.output());
        assertTrue(second.output().contains("Resuming " + file.getFileName() + " after row"), second.output());

        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, stream);
        assertEquals(List.of(file.getFileName().toString()), Folders.fileNames(data.resolve("archive")));
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        long duplicated = Delivery.duplicated(arrivals);
        assertTrue(duplicated <= duplicatesAtMost, "duplicates at most the groups in flight: " + duplicated);
        System.out.printf("stopped after %d of %d records had arrived: %d duplicated on resume%n", beforeRestart,
                rows.size(), duplicated);
    }
}
