package io.github.txsim.app;

import java.time.Duration;
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
 * {@code publish.pacing=rate:20} through the real routes into kinesalite: a file's rows go out 20 a second, whatever
 * their event times (here none can be read at all), so 81 rows take 4 s (within 5%).
 */
class RatePacingIT extends ApplicationIT {

    private final FaultInjectingKinesisClient client = new FaultInjectingKinesisClient(KINESIS.client());

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false")
                .set("publish.pacing", "rate:20")
                .set("camel.component.aws2-kinesis.amazonKinesisClient", "#bean:timingClient")
                .bind("timingClient", client);
    }

    @Test
    void eightyOneRowsAtTwentyASecondTakeFourSeconds() throws Exception {
        StringBuilder csv = new StringBuilder("TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TX_AMOUNT\n");
        for (int i = 0; i <= 80; i++) {
            csv.append(i).append(",2018-04-01 00:00:00,").append(i).append(",1.00\n");
        }
        TransactionFiles.write(data.resolve("source"), "rate.csv", csv.toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(data.resolve("archive")).size() == 1);

        List<Long> calls = client.putRecordsCallNanos();
        assertEquals(81, calls.size(), "one request per record, each when it is due");
        double seconds = (calls.get(calls.size() - 1) - calls.get(0)) / 1e9;
        assertTrue(Math.abs(seconds - 4.0) <= 0.2, "81 rows at 20 a second took " + seconds + " s, not 4 s (within 5%)");
        assertEquals(81, KINESIS.readAll(stream).size());
    }
}
