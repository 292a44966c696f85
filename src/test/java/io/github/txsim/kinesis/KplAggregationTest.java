package io.github.txsim.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionRecord;
import io.github.txsim.testing.Rows;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the packer writes, read back by the KCL's own de-aggregation (AggregatorUtil), as a consumer reads it. */
class KplAggregationTest {

    private static final BigInteger HALF = BigInteger.TWO.pow(127);
    private static final BigInteger TOP = BigInteger.TWO.pow(128).subtract(BigInteger.ONE);
    private static final SourceRow ROW = Rows.of("CUSTOMER_ID\n1\n").get(0);

    @Test
    void aKinesisClientLibrarySplitsAnAggregatedRecordIntoItsUserRecordsInOrder() throws Exception {
        Random random = new Random(20261205);
        List<TransactionRecord> lowerHalf = new ArrayList<>();
        for (int customer = 0; lowerHalf.size() < 300; customer++) {
            String key = Integer.toString(customer);
            if (hashKey(key).compareTo(HALF) < 0) {
                byte[] data = new byte[1 + random.nextInt(400)];
                random.nextBytes(data);
                lowerHalf.add(new TransactionRecord(ROW, key, data));
                if (random.nextInt(3) == 0) { // a key twice: the table holds it once
                    lowerHalf.add(new TransactionRecord(ROW, key, ("again " + customer).getBytes(
                            StandardCharsets.UTF_8)));
                }
            }
        }
        KplAggregation.Packer packer = new KplAggregation.Packer(1024 * 1024);
        lowerHalf.forEach(packer::add);
        byte[] data = packer.data();
        assertEquals(data.length + packer.partitionKey().length(), packer.size(), "the size counted is the size made");
        assertTrue(KplAggregation.isAggregated(data));

        List<KinesisClientRecord> split = new AggregatorUtil().deaggregate(List.of(kinesisRecord(packer)),
                BigInteger.ZERO, HALF.subtract(BigInteger.ONE));
        assertEquals(lowerHalf.size(), split.size());
        for (int i = 0; i < split.size(); i++) {
            assertEquals(lowerHalf.get(i).partitionKey(), split.get(i).partitionKey());
            assertEquals(SdkBytes.fromByteArray(lowerHalf.get(i).data()).asByteBuffer(), split.get(i).data());
            assertEquals(i, split.get(i).subSequenceNumber());
        }
        List<byte[]> ours = KplAggregation.userRecords(data);
        assertEquals(lowerHalf.size(), ours.size());
        for (int i = 0; i < ours.size(); i++) {
            assertTrue(Arrays.equals(lowerHalf.get(i).data(), ours.get(i)), "record " + i);
        }
        // read from the other shard, as after a reshard: the KCL drops every user record that is not its own
        assertEquals(0, new AggregatorUtil().deaggregate(List.of(kinesisRecord(packer)), HALF, TOP).size());
    }

    @Test
    void thePackerStopsAtItsSizeAndDataThatIsNotAggregatedIsOneRecord() {
        KplAggregation.Packer packer = new KplAggregation.Packer(10_000);
        TransactionRecord record = new TransactionRecord(ROW, "12345", new byte[250]);
        int packed = 0;
        while (packer.fits(record)) {
            packer.add(record);
            packed++;
        }
        assertTrue(packer.size() <= 10_000 && packer.size() + 260 > 10_000, "filled: " + packer.size());
        assertEquals(packer.size(), packer.data().length + 5);
        assertEquals(packed, KplAggregation.userRecords(packer.data()).size());

        byte[] json = "{\"TRANSACTION_ID\":1}".getBytes(StandardCharsets.UTF_8);
        assertFalse(KplAggregation.isAggregated(json));
        assertEquals(List.of(json), KplAggregation.userRecords(json));
        byte[] damaged = packer.data();
        damaged[10] ^= 1;
        assertFalse(KplAggregation.isAggregated(damaged), "a wrong MD5 is no aggregated record");
    }

    @Test
    void anAggregatedRecordReadFromAShardThatHoldsOnlySomeOfItsUserRecordsYieldsNoneAsInTheKcl() throws Exception {
        KplAggregation.Packer packer = new KplAggregation.Packer(1024 * 1024);
        for (int customer = 0; customer < 50; customer++) {
            packer.add(new TransactionRecord(ROW, Integer.toString(customer), ("row " + customer).getBytes(
                    StandardCharsets.UTF_8)));
        }
        ShardMap.ShardRange lower = new ShardMap.ShardRange("lower", BigInteger.ZERO, HALF.subtract(BigInteger.ONE));
        ShardMap.ShardRange upper = new ShardMap.ShardRange("upper", HALF, TOP);
        ShardMap.ShardRange whole = new ShardMap.ShardRange("whole", BigInteger.ZERO, TOP);
        for (ShardMap.ShardRange shard : List.of(lower, upper, whole)) {
            int kcl = new AggregatorUtil().deaggregate(List.of(kinesisRecord(packer)), shard.from(), shard.to())
                    .size();
            assertEquals(kcl, KplAggregation.userRecords(packer.data(), shard).size(), shard.id());
        }
        assertEquals(0, KplAggregation.userRecords(packer.data(), lower).size(), "dropped whole");
        assertEquals(50, KplAggregation.userRecords(packer.data(), whole).size());
    }

    private static KinesisClientRecord kinesisRecord(KplAggregation.Packer packer) {
        return KinesisClientRecord.fromRecord(Record.builder().partitionKey(packer.partitionKey())
                .data(SdkBytes.fromByteArray(packer.data())).sequenceNumber("1")
                .approximateArrivalTimestamp(Instant.now()).build());
    }

    private static BigInteger hashKey(String partitionKey) throws Exception {
        return new BigInteger(1, MessageDigest.getInstance("MD5")
                .digest(partitionKey.getBytes(StandardCharsets.UTF_8)));
    }
}
