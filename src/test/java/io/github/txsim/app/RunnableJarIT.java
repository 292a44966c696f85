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
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runnable jar that {@code mvn package} builds, run as the service unit runs it ({@code java -jar}, the heap it
 * sets) in a working directory of its own: its application.properties there sets some keys, and the jar's built-in
 * copy (and built-in routes, as the directory has no routes/) supplies the rest.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of("target", "transaction-stream-simulator.jar");

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    @Test
    void theJarPublishesWithTheWorkingDirectorysSettingsOverTheBuiltInOnes() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: it is built by 'mvn package' (or 'mvn verify')");
        // 52 MiB since the Kafka sink: kafka-clients with its compression codecs (zstd, snappy, lz4) and aws-msk-iam-auth
        assertTrue(Files.size(JAR) <= 64L * 1024 * 1024, "a lean jar, 64 MiB at most: " + Files.size(JAR) + " bytes");
        Path working = Files.createDirectories(data.resolve("service"));
        Files.writeString(working.resolve("application.properties"), """
                # only what differs from the built-in settings
                kinesis.streamName=from-working-directory
                generator.enabled=false
                folders.source=data/incoming
                """);
        KINESIS.createStream("from-working-directory", 1);
        Path source = Files.createDirectories(working.resolve("data/incoming"));
        Path file = TransactionFiles.writeRows(source, "transactions-2026-11-07.csv", LocalDate.of(2026, 11, 7), 50);
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);
        int managementPort = LoopbackPorts.free();

        Path archive = working.resolve("data/source_archive");
        HttpResponse<String> health;
        String log;
        try (ApplicationProcess application = new ApplicationProcess(data.resolve("jar.log"))
                .fromJar(JAR)
                .in(working)
                .jvmOption("-Xmx128m")
                .setAll(KINESIS.componentProperties())
                .set("kinesis.local.enabled", "false")
                .set("app.runOnce", "false")
                .set("camel.management.enabled", "true")
                .set("camel.management.port", Integer.toString(managementPort))
                .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Folders.fileNames(archive).size() == 1);
            health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/observe/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(143, application.terminate(Duration.ofSeconds(30)), application.output());
            log = application.output();
        }

        assertEquals(200, health.statusCode(), health.body());
        assertEquals(List.of(file.getFileName().toString()), Folders.fileNames(archive));
        assertEquals(rows.size(), KINESIS.readAll("from-working-directory").size());
        assertFalse(log.contains("TX_AMOUNT") || log.contains(rows.get(0).get("TRANSACTION_ID")),
                "no record payload in the log:\n" + log);
    }
}
