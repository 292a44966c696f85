package io.github.txsim.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.LoopbackPorts;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data folders deleted while a service runs, and created again ({@code rm -rf}, a remount, a provisioning script). The
 * source folder's absence is said once and readiness is DOWN while it lasts; when it is back the service takes its
 * lock again, so a second instance is refused as before and a file dropped in is published once. When a second
 * instance took the new folder first, the first stops, leaving it to the second: still every record once. The
 * checkpoints folder deleted mid-file is created again at the next checkpoint, and the file is published whole, once.
 * (The archive and failed folders: {@code FolderFaultsIT}.)
 */
class FoldersGoneIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private ApplicationProcess service(String stream, String name) {
        return ApplicationProcess.runOnce(KINESIS, stream, data, name).set("app.runOnce", "false")
                .set("publish.pollDelay", "100ms");
    }

    @Test
    void aFolderDeletedIsSaidAndWhenItComesBackItsLockIsTakenAgainSoASecondInstanceIsRefused() throws Exception {
        KINESIS.createStream("folder-back", 1);
        Path source = Files.createDirectories(data.resolve("source"));
        int port = LoopbackPorts.free();
        try (ApplicationProcess first = service("folder-back", "first").set("camel.management.enabled", "true")
                .set("camel.management.port", Integer.toString(port)).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> health(port).contains("\"status\":\"UP\""));

            Folders.deleteTree(source);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.output().contains("The source folder " + source
                    + " is gone"));
            await().atMost(Duration.ofSeconds(10)).until(() -> health(port).contains("\"status\":\"DOWN\""));
            assertTrue(health(port).matches("(?s).*\"data-folders\",\"status\":\"DOWN\",\"message\":\"the source folder .*"
                    + " is gone since .*"), health(port));

            Files.createDirectories(source);
            await().atMost(Duration.ofSeconds(30)).until(() -> first.output().contains("The source folder " + source
                    + " is back after"));
            await().atMost(Duration.ofSeconds(10)).until(() -> health(port).contains("\"status\":\"UP\""));

            ApplicationProcess second = service("folder-back", "second").start();
            assertEquals(1, second.awaitExit(Duration.ofSeconds(60)), second.output());
            assertTrue(second.output().contains("is in use by another instance of the application"), second.output());

            TransactionFiles.writeRows(source, "after.csv", LocalDate.of(2026, 12, 1), 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> Folders.fileNames(data.resolve("archive"))
                    .contains("after.csv"));
            assertEquals(1, first.output().lines().filter(line -> line.contains(" is gone ")).count(),
                    first.output());
        }
        assertEquals(200, KINESIS.readAll("folder-back").size(), "every record once");
    }

    @Test
    void whenASecondInstanceTookTheFolderCreatedAgainTheFirstStopsAndLeavesItToTheSecond() throws Exception {
        KINESIS.createStream("folder-taken", 1);
        Path source = Files.createDirectories(data.resolve("source"));
        try (ApplicationProcess first = service("folder-taken", "first").start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> first.output().contains("Kinesis stream 'folder-taken'"
                    + " is ACTIVE"));
            // the first holds still while the folder goes and comes back and a second instance starts on it
            first.signal("STOP");
            Folders.deleteTree(source);
            Files.createDirectories(source);
            try (ApplicationProcess second = service("folder-taken", "second").start()) {
                await().atMost(Duration.ofSeconds(60)).until(() -> second.output().contains("Kinesis stream "
                        + "'folder-taken' is ACTIVE"));
                first.signal("CONT");
                assertEquals(1, first.awaitExit(Duration.ofSeconds(60)), first.output());
                assertTrue(first.output().contains("The source folder " + source + " was created again and this "
                        + "instance cannot take it back: The source folder " + source + " is in use by another "
                        + "instance of the application (pid " + second.pid()), first.output());

                TransactionFiles.writeRows(source, "after.csv", LocalDate.of(2026, 12, 2), 200);
                await().atMost(Duration.ofSeconds(60)).until(() -> Folders.fileNames(data.resolve("archive"))
                        .contains("after.csv"));
                assertTrue(second.isAlive());
                assertFalse(first.output().contains("after.csv"), first.output());
            }
        }
        assertEquals(200, KINESIS.readAll("folder-taken").size(), "every record once");
    }

    private static String health(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/observe/health?exposureLevel=full")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void theCheckpointsFolderDeletedMidFileIsCreatedAgainAndTheFileIsPublishedOnce() throws Exception {
        KINESIS.createStream("checkpoints-gone", 1);
        Path source = Files.createDirectories(data.resolve("source"));
        Path checkpoints = data.resolve("checkpoints");
        Path file = TransactionFiles.writeRows(source, "paced.csv", LocalDate.of(2026, 12, 3), 1_000);
        try (ApplicationProcess service = service("checkpoints-gone", "service").set("publish.pacing", "rate:500")
                .set("publish.groupSize", "100").start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(checkpoints.resolve(file.getFileName()
                    + ".checkpoint")));
            Folders.deleteTree(checkpoints);
            await().atMost(Duration.ofSeconds(60)).until(() -> Folders.fileNames(data.resolve("archive"))
                    .contains("paced.csv"));
            assertTrue(service.output().contains("The checkpoints folder " + checkpoints + " was gone"),
                    service.output());
            assertFalse(service.output().contains(" ERROR "), service.output());
        }
        assertEquals(1_000, KINESIS.readAll("checkpoints-gone").size(), "every record once");
    }
}
