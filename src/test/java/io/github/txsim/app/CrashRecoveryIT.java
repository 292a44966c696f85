package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisFaultProxy;
import io.github.txsim.testing.TransactionFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application killed with SIGKILL in the middle of a file, four groups in flight, then started again: it
 * resumes after the file's checkpoint (a contiguous watermark, groups finishing out of order). No row is missing;
 * the duplicates are at most the groups that were in flight. The same with KPL aggregation on, where a group's rows
 * travel in a few aggregated records and the checkpoint still counts rows.
 */
class CrashRecoveryIT {

    private static final int GROUP_SIZE = 100;
    private static final int IN_FLIGHT = 4;

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private ApplicationProcess application(KinesisFaultProxy proxy, String stream, String aggregation,
            String name) {
        ApplicationProcess application = ApplicationProcess.runOnce(KINESIS, stream, data, name)
                .set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                .set("publish.groupSize", Integer.toString(GROUP_SIZE))
                .set("publish.maxInFlight", Integer.toString(IN_FLIGHT))
                .set("publish.pollDelay", "100ms")
                .set("kinesis.aggregation", aggregation);
        // the proxy's 400 records/s hardly slow aggregated records: 50 KB/s of them (some 200 rows a second) do
        return aggregation.equals("kpl") ? application.set("kinesis.aggregation.maxBytes", "4096")
                .set("kinesis.rateLimit.enabled", "true")
                .set("kinesis.rateLimit.bytesPerShardPerSecond", "50000")
                .set("kinesis.rateLimit.burst", "0") : application;
    }

    private static final Pattern SUMMARY =
            Pattern.compile("Published \\S+: ([0-9,]+) rows, ([0-9,]+) records acknowledged, ([0-9,]+) rejected");

    private long beforeRestart;

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    @ParameterizedTest(name = "aggregation {0}")
    @ValueSource(strings = {"none", "kpl"})
    void aKilledRunResumesAfterItsCheckpointWithoutLosingARow(String aggregation) throws Exception {
        String stream = "crash-" + aggregation;
        KINESIS.createStream(stream, 1);
        Files.createDirectories(data.resolve("source"));
        Path file = TransactionFiles.writeDay(data.resolve("source"), LocalDate.of(2026, 11, 6));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client())
                .limitShards(400, 1024 * 1024)) {
            ApplicationProcess first = application(proxy, stream, aggregation, "first").start();
            await().atMost(Duration.ofSeconds(60)).until(() -> KINESIS.readAll(stream).size() >= 600);
            first.kill();
            beforeRestart = KINESIS.readAll(stream).size();
            assertTrue(beforeRestart < rows.size(), "killed in the middle of the file: " + beforeRestart);

            ApplicationProcess second = application(proxy, stream, aggregation, "second").start();
            assertEquals(0, second.awaitExit(Duration.ofSeconds(90)), second.output());
            assertTrue(second.output().contains("Resuming " + file.getFileName() + " after row"), second.output());
            Matcher summary = SUMMARY.matcher(second.output());
            assertTrue(summary.find(), second.output());
            assertEquals(List.of((long) rows.size(), (long) rows.size(), 0L), List.of(number(summary.group(1)),
                    number(summary.group(2)), number(summary.group(3))),
                    "the resumed file's summary counts each row once: rows = acknowledged + rejected");
        }

        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, stream);
        assertEquals(List.of(file.getFileName().toString()), Folders.fileNames(data.resolve("archive")));
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        long duplicated = Delivery.duplicated(arrivals);
        assertTrue(duplicated <= IN_FLIGHT * GROUP_SIZE, "duplicates at most the groups in flight: " + duplicated);
        System.out.printf("aggregation %s: killed after %d of %d records had arrived: %d duplicated on resume%n",
                aggregation, beforeRestart, rows.size(), duplicated);
    }
}
