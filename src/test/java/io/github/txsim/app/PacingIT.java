package io.github.txsim.app;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.github.txsim.testing.FaultInjectingKinesisClient;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pacing on the wall clock, end to end: a file whose event times span 50 minutes, sped up 600 times, takes 5 s to
 * publish (within 5%).
 */
class PacingIT extends ApplicationIT {

    private final FaultInjectingKinesisClient client = new FaultInjectingKinesisClient(KINESIS.client());

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false")
                .set("publish.pacing", "600")
                .set("camel.component.aws2-kinesis.amazonKinesisClient", "#bean:timingClient")
                .bind("timingClient", client);
    }

    @Test
    void fiftyMinutesOfEventTimeAtSixHundredTimesTakeFiveSeconds() throws Exception {
        StringBuilder csv = new StringBuilder("TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TX_AMOUNT\n");
        LocalDateTime start = LocalDateTime.of(2026, 11, 27, 8, 0);
        for (int i = 0; i <= 50; i++) {
            csv.append(i).append(',').append(start.plusMinutes(i).format(DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss"))).append(',').append(i).append(",1.00\n");
        }
        TransactionFiles.write(data.resolve("source"), "paced.csv", csv.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(data.resolve("archive")).size() == 1);

        List<Long> calls = client.putRecordsCallNanos();
        assertEquals(51, calls.size(), "one request per minute of event time");
        double seconds = (calls.get(calls.size() - 1) - calls.get(0)) / 1e9;
        assertTrue(Math.abs(seconds - 5.0) <= 0.25, "50 minutes at 600x took " + seconds + " s, not 5 s (within 5%)");
        assertEquals(51, KINESIS.readAll(stream).size());
    }
}
