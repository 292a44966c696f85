package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.github.txsim.testing.Folders;
import io.github.txsim.testing.KinesisFaultProxy;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one retry policy end to end, through the fault proxy and the route's error handler as routes/error-handling.yaml
 * declares it: a group is retried until publish.recordTimeout runs out, one request per retry (the SDK does not retry
 * PutRecords as well), then the file fails with every row named.
 */
class RetryPolicyIT extends ApplicationIT {

    private static final Duration RECORD_TIMEOUT = Duration.ofSeconds(3);

    private KinesisFaultProxy proxy;

    @Override
    TestApplication settings(TestApplication application) throws Exception {
        proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client());
        return application.set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                .set("generator.enabled", "false")
                .set("publish.groupSize", "100")
                .set("publish.recordTimeout", RECORD_TIMEOUT.toSeconds() + "s")
                .set("publish.retry.initialDelay", "1s")
                .set("publish.retry.maximumDelay", "1s");
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void aGroupThatKeepsFailingIsRetriedOneRequestAtATimeUntilItsTimeoutThenTheFileFails() throws Exception {
        proxy.failPutRecords(1.0);
        long started = System.nanoTime();
        Path file = TransactionFiles.writeRows(data.resolve("source"), "day.csv", LocalDate.of(2026, 11, 6), 250);

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(data.resolve("failed")).size() == 2);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(List.of("day.csv", "day.csv.report"), Folders.fileNames(data.resolve("failed")));
        assertTrue(took.compareTo(RECORD_TIMEOUT) >= 0, "retried for the record timeout at least: " + took);
        // a wait of 1 s, moved by up to half at random: 3 to 7 deliveries in 3 s, each one request. With the SDK's
        // standard retries as well (3 attempts a call) there would be 9 at least
        long requests = proxy.failedRequests();
        assertTrue(requests >= 3 && requests <= 7, "one PutRecords request per delivery: " + requests);
        List<String> report = Files.readAllLines(data.resolve("failed").resolve("day.csv.report"));
        assertEquals(100, report.stream().filter(line -> line.matches("\\d+,.*")).count(),
                "the first group's rows, each named with its line: " + report);
        assertEquals(0, KINESIS.readAll(stream).size());
        assertTrue(Files.notExists(file));
    }
}
