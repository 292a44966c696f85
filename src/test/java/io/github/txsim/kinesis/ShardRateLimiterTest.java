package io.github.txsim.kinesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.testing.InMemoryKinesisClient;
import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.kinesis.Kinesis2Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter against a clock the test controls: waiting moves it forward. */
class ShardRateLimiterTest {

    private final InMemoryKinesisClient kinesis = new InMemoryKinesisClient();
    private CamelContext context;
    private long now;

    @AfterEach
    void stop() {
        context.stop();
    }

    private ShardRateLimiter limiter(int shards, double recordsPerSecond, double bytesPerSecond) {
        kinesis.shards(shards);
        context = new DefaultCamelContext();
        context.getComponent("aws2-kinesis", Kinesis2Component.class).getConfiguration()
                .setAmazonKinesisClient(kinesis);
        context.start();
        KinesisStream stream = new KinesisStream(context, "s", false, 1);
        stream.start();
        return new ShardRateLimiter(new ShardMap(stream, Duration.ofMinutes(1), () -> now), recordsPerSecond,
                bytesPerSecond, Duration.ZERO, () -> now, nanos -> now += nanos);
    }

    private static List<PutRecordsRequestEntry> records(int first, int count, int bytes) {
        List<PutRecordsRequestEntry> records = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            records.add(PutRecordsRequestEntry.builder().partitionKey(Integer.toString(i))
                    .data(SdkBytes.fromByteArray(new byte[bytes])).build());
        }
        return records;
    }

    @Test
    void oneShardGetsAThousandRecordsASecondAndNoMore() throws Exception {
        ShardRateLimiter limiter = limiter(1, 1_000, 1 << 20);

        for (int i = 0; i < 20; i++) {
            limiter.acquire(records(i * 500, 500, 10));
        }

        assertEquals(9.5, now / 1e9, 1e-6, "the 20th request of 500 records goes at 9.5 s: 1,000 records/s");
    }

    @Test
    void fourShardsTakeFourTimesAsMuch() throws Exception {
        ShardRateLimiter limiter = limiter(4, 1_000, 1 << 20);

        for (int i = 0; i < 80; i++) {
            limiter.acquire(records(i * 500, 500, 10));
        }

        assertEquals(4, limiter.shardCount());
        double seconds = now / 1e9;
        // 40,000 records over 4 shards: 10 s if the keys spread evenly, longer by the busiest shard's extra share
        assertTrue(seconds >= 9.5 && seconds <= 11.5, "40,000 records over 4 shards took " + seconds + " s");
    }

    @Test
    void largeRecordsAreHeldToTheBytesLimit() throws Exception {
        ShardRateLimiter limiter = limiter(1, 1_000, 1 << 20);

        for (int i = 0; i < 10; i++) {
            limiter.acquire(records(i * 10, 10, 100 * 1024 - 2));
        }

        double oneRequest = 10 * (100 * 1024 - 2 + 1) / (double) (1 << 20);
        assertEquals(9 * oneRequest, now / 1e9, 0.01, "the 10th request of 1 MB goes after 9 of them at 1 MiB/s");
    }
}
