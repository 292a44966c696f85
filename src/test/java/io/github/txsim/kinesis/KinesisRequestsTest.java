package io.github.txsim.kinesis;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionRecord;
import io.github.txsim.testing.Rows;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KinesisRequestsTest {

    @Test
    void requestsHoldAtMost500RecordsAndFiveMebibytes() {
        SourceRow row = Rows.of("CUSTOMER_ID\n1\n").get(0);
        List<PendingRecord> small = Collections.nCopies(1_001, record(row, 100));
        assertEquals(List.of(500, 500, 1), sizes(KinesisRequests.plain(small)));

        List<PendingRecord> large = Collections.nCopies(12, record(row, 1_000_000));
        assertEquals(List.of(5, 5, 2), sizes(KinesisRequests.plain(large)), "5 x 1,000,000 bytes fit 5 MiB");
    }

    @Test
    void aRecordLargerThanARequestsBytesGoesInARequestOfItsOwn() {
        SourceRow row = Rows.of("CUSTOMER_ID\n1\n").get(0);
        List<PendingRecord> records = List.of(record(row, 100), record(row, 6 * 1024 * 1024), record(row, 100),
                record(row, 10 * 1024 * 1024), record(row, 10 * 1024 * 1024), record(row, 100));
        assertEquals(List.of(1, 1, 1, 1, 1, 1), sizes(KinesisRequests.plain(records)), "no request empty, none "
                + "with a record over 5 MiB and another");
        assertEquals(List.of(1, 2), sizes(KinesisRequests.plain(List.of(record(row, 6 * 1024 * 1024),
                record(row, 100), record(row, 100)))));
    }

    private static PendingRecord record(SourceRow row, int bytes) {
        return new PendingRecord(new TransactionRecord(row, "k", new byte[bytes - 1]), null);
    }

    @Test
    void aggregatedRequestsHoldEachShardsRecordsInAggregatesOfTheirSizeInTheRecordsOrder() {
        SourceRow row = Rows.of("CUSTOMER_ID\n1\n").get(0);
        List<ShardMap.ShardRange> shards = List.of(
                new ShardMap.ShardRange("a", BigInteger.ZERO, BigInteger.TWO.pow(127).subtract(BigInteger.ONE)),
                new ShardMap.ShardRange("b", BigInteger.TWO.pow(127), BigInteger.TWO.pow(128).subtract(BigInteger.ONE)));
        List<PendingRecord> records = new ArrayList<>();
        for (int customer = 0; customer < 2_000; customer++) {
            records.add(new PendingRecord(new TransactionRecord(row, Integer.toString(customer), new byte[250]), null));
        }
        List<KinesisRequests.Request> requests = KinesisRequests.aggregated(records, shards, 10_000);
        List<PendingRecord> inOrder = new ArrayList<>();
        for (KinesisRequests.Request request : requests) {
            inOrder.addAll(request.records());
            long bytes = 0;
            for (int e = 0; e < request.entries().size(); e++) {
                PutRecordsRequestEntry entry = request.entries().get(e);
                long size = entry.data().asByteArrayUnsafe().length + entry.partitionKey().length();
                bytes += size;
                assertTrue(size <= 10_000, "an aggregate within its size: " + size);
                ShardMap.ShardRange shard = request.packedFor().get(e);
                assertEquals(shard.from().toString(), entry.explicitHashKey(), "sent to the shard it was packed for");
                List<byte[]> userRecords = KplAggregation.userRecords(entry.data().asByteArrayUnsafe());
                List<PendingRecord> packed = new ArrayList<>();
                for (int i = 0; i < request.records().size(); i++) {
                    if (request.entryOf()[i] == e) {
                        packed.add(request.records().get(i));
                    }
                }
                assertEquals(packed.size(), userRecords.size());
                assertTrue(packed.stream().allMatch(r -> shard.holds(ShardMap.hashKey(r.record().partitionKey()))),
                        "every user record of an aggregate hashes to its shard");
            }
            assertTrue(request.entries().size() <= 500 && bytes <= 5 * 1024 * 1024);
        }
        assertEquals(records, inOrder, "each request takes the records after the previous one's");
        int entries = requests.stream().mapToInt(r -> r.entries().size()).sum();
        assertTrue(entries >= 2_000 / 38 && entries <= 2_000 / 33, "about 37 records of 250 bytes an aggregate of "
                + "10,000 bytes: " + entries + " entries");
    }

    private static List<Integer> sizes(List<KinesisRequests.Request> requests) {
        List<Integer> sizes = new ArrayList<>();
        requests.forEach(request -> sizes.add(request.records().size()));
        return sizes;
    }
}
