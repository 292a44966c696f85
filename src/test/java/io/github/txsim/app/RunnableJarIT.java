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
import io.github.txsim.testing.LocalKafka;
import io.github.txsim.testing.LoopbackPorts;
import io.github.txsim.testing.TransactionFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runnable jar that {@code mvn package} builds, run as the service unit runs it ({@code java -jar}, the heap it
 * sets) in a working directory of its own: its application.properties there sets some keys, and the jar's built-in
 * copy (and built-in routes, as the directory has no routes/) supplies the rest. Its health and Prometheus metrics are
 * served; it publishes to Kafka with each compression codec.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of("target", "transaction-stream-simulator.jar");

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @RegisterExtension
    static final LocalKafka KAFKA = new LocalKafka();

    @TempDir
    Path data;

    @Test
    void theJarPublishesWithTheWorkingDirectorysSettingsOverTheBuiltInOnes() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: it is built by 'mvn package' (or 'mvn verify')");
        // 38 MiB: kafka-clients' codecs with native libraries for Linux and macOS only (src/assembly/runnable-jar.xml)
        assertTrue(Files.size(JAR) <= 40L * 1024 * 1024, "a lean jar, 40 MiB at most: " + Files.size(JAR) + " bytes");
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
        HttpResponse<String> metrics;
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
            metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/observe/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(143, application.terminate(Duration.ofSeconds(30)), application.output());
            log = application.output();
        }

        assertEquals(200, health.statusCode(), health.body());
        assertTrue(metrics.body().contains("txsim_records_published_total"), "Prometheus text: " + metrics.body());
        assertEquals(List.of(file.getFileName().toString()), Folders.fileNames(archive));
        assertEquals(rows.size(), KINESIS.readAll("from-working-directory").size());
        assertFalse(log.contains("TX_AMOUNT") || log.contains(rows.get(0).get("TRANSACTION_ID")),
                "no record payload in the log:\n" + log);
    }

    /**
     * The jar keeps the compression codecs' native libraries for Linux and macOS only: each codec that has them
     * compresses Kafka's batches from the jar here, and the run reads the topic back (the consumer decompresses).
     */
    @ParameterizedTest(name = "kafka.compression={0}")
    @ValueSource(strings = {"zstd", "snappy", "lz4"})
    void theJarPublishesToKafkaWithEachCompressionCodec(String codec) throws Exception {
        KAFKA.createTopic("jar-" + codec, 1);
        Path source = Files.createDirectories(data.resolve("source"));
        TransactionFiles.writeRows(source, "transactions-2026-11-08.csv", LocalDate.of(2026, 11, 8), 300);

        try (ApplicationProcess application = new ApplicationProcess(data.resolve("kafka.log")).fromJar(JAR)
                .in(Files.createDirectories(data.resolve("working"))).jvmOption("-Xmx128m")
                .setAll(KAFKA.applicationProperties("jar-" + codec)).set("kafka.compression", codec)
                .set("generator.enabled", "false").set("app.verify", "true").dataFolders(data).start()) {
            assertEquals(0, application.awaitExit(Duration.ofSeconds(60)), application.output());
            assertTrue(application.output().contains("Verified transactions-2026-11-08.csv: 300 of 300 records"),
                    application.output());
        }
        assertEquals(300, KAFKA.readAll("jar-" + codec).size());
    }
}
