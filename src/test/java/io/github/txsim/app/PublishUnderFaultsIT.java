package io.github.txsim.app;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.KinesisFaultProxy;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing through the fault-injection proxy, four groups in flight: failed requests, connections closed after the
 * emulator accepted a request, an outage. Each test reads the stream back and counts what was lost and duplicated.
 */
class PublishUnderFaultsIT extends ApplicationIT {

    private KinesisFaultProxy proxy;

    @Override
    TestApplication settings(TestApplication application) throws Exception {
        proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client());
        return application.set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                .set("generator.enabled", "false")
                .set("publish.groupSize", "100")
                .set("publish.maxInFlight", "4")
                .set("publish.retry.initialDelay", "200ms")
                .set("publish.retry.maximumDelay", "2s");
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void aTenthOfRequestsFailingWith500Or503LosesAndDuplicatesNothing() throws Exception {
        proxy.failRequests(0.1);
        TransactionFiles.writeDay(data.resolve("source"), LocalDate.of(2026, 11, 3));

        List<CSVRecord> rows = PublishPipelineIT.readCsv(Delivery.awaitArchived(data, Duration.ofSeconds(60)));
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, stream);

        assertTrue(proxy.failedRequests() > 0, "requests failed");
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertEquals(0, Delivery.duplicated(arrivals), "duplicated");
    }

    @Test
    void connectionsClosedAfterTheEmulatorAcceptedDuplicateOnlyThoseRequests() throws Exception {
        proxy.resetAfterForwarding(0.2);
        TransactionFiles.writeDay(data.resolve("source"), LocalDate.of(2026, 11, 4));

        List<CSVRecord> rows = PublishPipelineIT.readCsv(Delivery.awaitArchived(data, Duration.ofSeconds(60)));
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, stream);

        assertTrue(proxy.resetRequests() > 0, "connections were closed");
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        assertEquals(proxy.resetRecords(), Delivery.duplicated(arrivals), String.format(
                "duplicates are the records of the %d unanswered requests", proxy.resetRequests()));
        System.out.printf("connections closed after %d requests: %d of %d records duplicated%n",
                proxy.resetRequests(), Delivery.duplicated(arrivals), rows.size());
    }

    @Test
    void anOutageOfTenSecondsInTheMiddleOfAFileIsWaitedOut() throws Exception {
        proxy.limitShards(400, 1024 * 1024);
        TransactionFiles.writeDay(data.resolve("source"), LocalDate.of(2026, 11, 5));
        await().atMost(Duration.ofSeconds(30)).until(() -> KINESIS.readAll(stream).size() >= 500);

        proxy.goAwayFor(Duration.ofSeconds(10));

        List<CSVRecord> rows = PublishPipelineIT.readCsv(Delivery.awaitArchived(data, Duration.ofSeconds(90)));
        Map<Long, Integer> arrivals = Delivery.arrivals(KINESIS, stream);
        assertEquals(0, Delivery.lost(rows, arrivals), "lost");
        // requests cut by the outage after the emulator took them are sent again: at most the groups in flight
        long duplicated = Delivery.duplicated(arrivals);
        assertTrue(duplicated <= 4 * 100, "duplicates at most the groups in flight: " + duplicated);
        System.out.printf("a 10 s outage in the middle of %d rows: %d duplicated%n", rows.size(), duplicated);
    }
}
