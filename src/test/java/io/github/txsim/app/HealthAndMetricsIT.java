package io.github.txsim.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.LoopbackPorts;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The management server of a running application (its own process, as a service), on loopback: health, with the
 * stream's readiness, and Prometheus metrics that count what was published.
 */
class HealthAndMetricsIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private int port;

    private String get(String path) {
        try {
            return HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "unreachable: " + e;
        }
    }

    /** Every metric name the Grafana dashboard's queries (and its variable) select. */
    static Set<String> dashboardMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Path.of("deploy", "grafana", "dashboard.json").toFile());
        Set<String> names = new TreeSet<>();
        Pattern selector = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
        for (JsonNode expr : dashboard.findValues("expr")) {
            Matcher m = selector.matcher(expr.asText());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        Matcher variable = Pattern.compile("label_values\\((\\w+)").matcher(dashboard.path("templating").toString());
        while (variable.find()) {
            names.add(variable.group(1));
        }
        assertTrue(names.size() >= 9, "the dashboard's metrics: " + names);
        return names;
    }

    @Test
    void healthShowsTheStreamReadyAndMetricsCountWhatWasPublished() throws Exception {
        port = LoopbackPorts.free();
        KINESIS.createStream("observed", 1);
        KINESIS.createStream("observed-labels", 1);
        Files.createDirectories(data.resolve("source"));
        TransactionFiles.writeRows(data.resolve("source"), "observed.csv", LocalDate.of(2026, 11, 7), 1_200);
        ApplicationProcess application = new ApplicationProcess(data.resolve("app.log"))
                .setAll(KINESIS.componentProperties())
                .set("kinesis.local.enabled", "false")
                .set("kinesis.streamName", "observed")
                // delayed labels, none due during the test: readiness covers the label stream too
                .set("labels.mode", "delayed")
                .set("labels.delay", "120d")
                .set("kinesis.labels.streamName", "observed-labels")
                .set("app.runOnce", "false")
                .set("generator.enabled", "false")
                .set("camel.management.enabled", "true")
                .set("camel.management.port", Integer.toString(port))
                .dataFolders(data)
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Folders.fileNames(data.resolve("archive")).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> get("/observe/health").contains("\"status\":\"UP\""));

            String health = get("/observe/health?exposureLevel=full");
            assertTrue(health.contains("{\"name\":\"kinesis-stream\",\"status\":\"UP\"}"), health);
            assertTrue(health.contains("{\"name\":\"labels-kinesis-stream\",\"status\":\"UP\"}"), health);
            String metrics = get("/observe/metrics");
            assertTrue(metrics.contains("txsim_records_published_total 1200.0"), metrics);
            assertTrue(metrics.contains("txsim_files_archived_total 1.0"), metrics);
            assertTrue(metrics.contains("txsim_putrecords_latency_seconds_count 3"), metrics);
            assertTrue(metrics.contains("txsim_rows_rejected_total 0.0"), metrics);
            Set<String> served = metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
            for (String queried : dashboardMetrics()) {
                assertTrue(served.contains(queried), "deploy/grafana/dashboard.json queries " + queried
                        + ", which /observe/metrics does not serve");
            }
        } finally {
            application.kill();
        }
    }
}
