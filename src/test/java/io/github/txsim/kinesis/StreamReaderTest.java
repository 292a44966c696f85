package io.github.txsim.kinesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader keeps within Kinesis's read limits per shard: 5 calls a second and 2 MiB/s. */
class StreamReaderTest {

    /** One shard whose records come in pages, the page number as the iterator; the calls' times are kept. */
    private static final class PagedShard implements KinesisClient {
        final List<List<Record>> pages;
        final List<Long> calls = Collections.synchronizedList(new ArrayList<>());

        PagedShard(List<List<Record>> pages) {
            this.pages = pages;
        }

        @Override
        public ListShardsResponse listShards(ListShardsRequest request) {
            return ListShardsResponse.builder().shards(Shard.builder().shardId("shardId-0").hashKeyRange(b -> b
                    .startingHashKey("0").endingHashKey(BigInteger.TWO.pow(128).subtract(BigInteger.ONE).toString()))
                    .build()).build();
        }

        @Override
        public GetShardIteratorResponse getShardIterator(GetShardIteratorRequest request) {
            return GetShardIteratorResponse.builder().shardIterator("0").build();
        }

        @Override
        public GetRecordsResponse getRecords(GetRecordsRequest request) {
            calls.add(System.nanoTime());
            int page = Integer.parseInt(request.shardIterator());
            List<Record> records = page < pages.size() ? pages.get(page) : List.of();
            return GetRecordsResponse.builder().records(records).nextShardIterator(Integer.toString(page + 1))
                    .millisBehindLatest(page < pages.size() ? 1_000L : 0L).build();
        }

        @Override
        public String serviceName() {
            return "kinesis";
        }

        @Override
        public void close() {
        }
    }

    private static List<Record> page(int records, int bytesEach) {
        List<Record> page = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            page.add(Record.builder().data(SdkBytes.fromByteArray(new byte[bytesEach])).build());
        }
        return page;
    }

    @Test
    void callsOnAShardComeAtMostFiveASecondAndAtMostTwoMebibytesASecond() throws Exception {
        // a page of 1 MiB, then small pages, then the tip
        PagedShard shard = new PagedShard(List.of(page(16, 64 * 1024), page(3, 100), page(3, 100)));
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());

        new StreamReader(shard, "transactions").read(null, data -> sizes.add(data.length));

        assertEquals(22, sizes.size(), "every record once");
        assertEquals(4, shard.calls.size(), "three pages, then the tip");
        long afterLargePage = (shard.calls.get(1) - shard.calls.get(0)) / 1_000_000;
        assertTrue(afterLargePage >= 500, "1 MiB at 2 MiB/s waits half a second: " + afterLargePage + " ms");
        for (int i = 2; i < shard.calls.size(); i++) {
            long gap = (shard.calls.get(i) - shard.calls.get(i - 1)) / 1_000_000;
            assertTrue(gap >= 200, "at most five calls a second: " + gap + " ms between calls");
        }
    }
}
