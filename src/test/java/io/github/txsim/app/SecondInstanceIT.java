package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Checkpoint;
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
 * A second instance started on the source folder of a live one is refused, saying who holds the folder, so a file is
 * published by one instance only; once the first is killed (kill -9), the folder is free again and the second resumes
 * the file from its checkpoint. All run as processes. The first publishes through the fault proxy (slowed to 150
 * records/s) until its checkpoint is written, then the proxy goes away: the first waits for the stream, so it is still
 * in the middle of the file when it is killed, however long the refused instance takes to start on a busy machine.
 */
class SecondInstanceIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private ApplicationProcess instance(String name, boolean runOnce) {
        return ApplicationProcess.runOnce(KINESIS, "shared-folder", data, name)
                .set("app.runOnce", Boolean.toString(runOnce))
                .set("publish.groupSize", "100")
                .set("kinesis.rateLimit.recordsPerShardPerSecond", "150")
                .set("publish.pollDelay", "100ms");
    }

    @Test
    void aSecondInstanceOnTheFolderOfALiveOneIsRefusedAndTakesOverOnceItIsGone() throws Exception {
        KINESIS.createStream("shared-folder", 1);
        Files.createDirectories(data.resolve("source"));
        Path file = TransactionFiles.writeDay(data.resolve("source"), LocalDate.of(2026, 11, 7));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client())
                .limitShards(150, 1024 * 1024)) {
            ApplicationProcess first = instance("first", false)
                    .set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint()).start();
            Path checkpoint = data.resolve("checkpoints").resolve(file.getFileName() + ".checkpoint");
            await().atMost(Duration.ofSeconds(60)).until(() -> Checkpoint.rowsDone(checkpoint) > 0);
            proxy.goAway();

            ApplicationProcess refused = instance("refused", true).start();
            assertEquals(1, refused.awaitExit(Duration.ofSeconds(60)), refused.output());
            List<String> errors = refused.output().lines().filter(line -> line.contains(" ERROR ")).toList();
            assertEquals(1, errors.size(), refused.output());
            assertTrue(errors.get(0).contains("Cannot start: The source folder " + data.resolve("source")
                    + " is in use by another instance of the application (pid "), errors.get(0));
            assertTrue(errors.get(0).endsWith("stop it first, or give this one a folders.source of its own"),
                    errors.get(0));

            assertTrue(Files.exists(file), "the first instance cannot finish the file while the stream is away");
            first.kill();
            proxy.comeBack();
            ApplicationProcess second = instance("second", true)
                    .set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint()).start();
            assertEquals(0, second.awaitExit(Duration.ofSeconds(90)), second.output());
            assertTrue(second.output().contains("Resuming " + file.getFileName() + " after row"), second.output());
        }

        assertEquals(List.of(file.getFileName().toString()), Folders.fileNames(data.resolve("archive")));
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, "shared-folder");
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertTrue(Delivery.duplicated(arrivals) <= 4 * 100, "duplicates at most the groups in flight when killed: "
                + Delivery.duplicated(arrivals));
    }
}
