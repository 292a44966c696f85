package io.github.txsim.kinesis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.txsim.rows.TransactionRecord;

/**
 * The Kinesis Producer Library's aggregated record (amazon-kinesis-producer, aggregation-format.md): many user records
 * in one Kinesis record, which the KCL, Firehose and Flink's Kinesis connector split again. Its data is the magic bytes
 * {@code F3 89 9A C2}, the protobuf message {@code AggregatedRecord} (a table of partition keys; records of a key's
 * index and data), and the MD5 of that message.
 * <p>
 * Written here, with the few parts of protobuf's wire format it takes ({@link ProtobufWire}) and no generated code,
 * rather than through the KPL: the KPL is a
 * native daemon with its own queue, threads and retries, which would answer for records after its own time and so
 * bypass the publisher's per-record answers, checkpoints and one retry policy. The KCL's de-aggregation reads what this
 * writes (KplAggregationTest).
 */
public final class KplAggregation {

    static final byte[] MAGIC = {(byte) 0xF3, (byte) 0x89, (byte) 0x9A, (byte) 0xC2};
    private static final int DIGEST_BYTES = 16;
    /** AggregatedRecord's fields (the packer writes no explicit hash keys; a reader finds them in other writers'). */
    private static final int PARTITION_KEY_TABLE = 1;
    private static final int EXPLICIT_HASH_KEY_TABLE = 2;
    private static final int RECORDS = 3;
    /** Record's fields: partition_key_index = 1, explicit_hash_key_index = 2, data = 3, tags = 4. */
    private static final int PARTITION_KEY_INDEX = 1;
    private static final int EXPLICIT_HASH_KEY_INDEX = 2;
    private static final int DATA = 3;

    private KplAggregation() {
    }

    /** Whether a Kinesis record's data is an aggregated record: its magic bytes, and its MD5 right. */
    public static boolean isAggregated(byte[] data) {
        if (data.length < MAGIC.length + DIGEST_BYTES
                || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return false;
        }
        byte[] digest = ShardMap.md5(data, MAGIC.length, data.length - MAGIC.length - DIGEST_BYTES);
        return Arrays.equals(data, data.length - DIGEST_BYTES, data.length, digest, 0, DIGEST_BYTES);
    }

    /** The user records' data in a Kinesis record's data: those of an aggregated record, or the record itself. */
    public static List<byte[]> userRecords(byte[] data) {
        return userRecords(data, null);
    }

    /**
     * The user records' data in a Kinesis record's data read from this shard, as the KCL finds them: those of an
     * aggregated record, or the record itself. An aggregated record that holds a user record whose hash key (explicit,
     * or the MD5 of its partition key) the shard does not hold yields none, since the KCL drops it whole: it went to
     * the shard while the stream was resharded, and its user records were sent again to their own shards.
     *
     * @param shard the shard the record was read from; null keeps every user record
     */
    public static List<byte[]> userRecords(byte[] data, ShardMap.ShardRange shard) {
        if (!isAggregated(data)) {
            return List.of(data);
        }
        List<String> keys = new ArrayList<>();
        List<String> hashKeys = new ArrayList<>();
        List<UserRecord> records = new ArrayList<>();
        try {
            ProtobufWire.Reader in = new ProtobufWire.Reader(data, MAGIC.length,
                    data.length - MAGIC.length - DIGEST_BYTES);
            for (int tag = in.tag(); tag != 0; tag = in.tag()) {
                switch (ProtobufWire.Reader.fieldNumber(tag)) {
                    case PARTITION_KEY_TABLE -> keys.add(in.string());
                    case EXPLICIT_HASH_KEY_TABLE -> hashKeys.add(in.string());
                    case RECORDS -> records.add(readRecord(in.message()));
                    default -> in.skip(tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an aggregated record whose message cannot be read", e);
        }
        List<byte[]> kept = new ArrayList<>(records.size());
        for (UserRecord record : records) {
            if (shard != null && !shard.holds(record.hashKeyIndex() >= 0
                    ? new BigInteger(hashKeys.get(record.hashKeyIndex()))
                    : ShardMap.hashKey(keys.get(record.keyIndex())))) {
                return List.of();
            }
            kept.add(record.data());
        }
        return kept;
    }

    /** A user record as read: its partition key's index, its explicit hash key's (-1 for none), its data. */
    private record UserRecord(int keyIndex, int hashKeyIndex, byte[] data) {
    }

    private static UserRecord readRecord(ProtobufWire.Reader in) throws IOException {
        int keyIndex = 0;
        int hashKeyIndex = -1;
        byte[] data = new byte[0];
        for (int tag = in.tag(); tag != 0; tag = in.tag()) {
            switch (ProtobufWire.Reader.fieldNumber(tag)) {
                case PARTITION_KEY_INDEX -> keyIndex = Math.toIntExact(in.varint());
                case EXPLICIT_HASH_KEY_INDEX -> hashKeyIndex = Math.toIntExact(in.varint());
                case DATA -> data = in.bytes();
                default -> in.skip(tag);
            }
        }
        return new UserRecord(keyIndex, hashKeyIndex, data);
    }

    /**
     * Packs user records into one aggregated record of at most {@code maxBytes} (its data and partition key, as
     * Kinesis counts them). The aggregated record's partition key is its first user record's; the caller gives it an
     * explicit hash key in the shard that all its user records hash to, since a KCL drops the user records that
     * belong to another shard.
     */
    public static final class Packer {

        private final long maxBytes;
        private final List<TransactionRecord> records = new ArrayList<>();
        private final Map<String, Integer> keyIndex = new HashMap<>();
        private final List<byte[]> keys = new ArrayList<>();
        private long messageBytes;

        public Packer(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        /** Whether the record fits beside the ones packed so far (the first one always does). */
        public boolean fits(TransactionRecord record) {
            return records.isEmpty() || size() + added(record) <= maxBytes;
        }

        public void add(TransactionRecord record) {
            messageBytes += added(record);
            if (!keyIndex.containsKey(record.partitionKey())) {
                keyIndex.put(record.partitionKey(), keys.size());
                keys.add(ProtobufWire.utf8(record.partitionKey()));
            }
            records.add(record);
        }

        public List<TransactionRecord> records() {
            return records;
        }

        /** Bytes the aggregated record counts for: its data and its partition key. */
        public long size() {
            return MAGIC.length + messageBytes + DIGEST_BYTES + utf8Length(partitionKey());
        }

        /** The aggregated record's partition key: its first user record's. */
        public String partitionKey() {
            return records.isEmpty() ? "" : records.get(0).partitionKey();
        }

        /** The aggregated record's data: magic bytes, the message, its MD5. */
        public byte[] data() {
            byte[] data = new byte[MAGIC.length + Math.toIntExact(messageBytes) + DIGEST_BYTES];
            System.arraycopy(MAGIC, 0, data, 0, MAGIC.length);
            ProtobufWire.Writer out = new ProtobufWire.Writer(data, MAGIC.length, Math.toIntExact(messageBytes));
            for (byte[] key : keys) {
                out.bytesField(PARTITION_KEY_TABLE, key);
            }
            for (TransactionRecord record : records) {
                int index = keyIndex.get(record.partitionKey());
                out.lengthDelimitedHeader(RECORDS, recordBytes(index, record));
                out.varintField(PARTITION_KEY_INDEX, index);
                out.bytesField(DATA, record.data());
            }
            out.checkFull();
            byte[] digest = ShardMap.md5(data, MAGIC.length, Math.toIntExact(messageBytes));
            System.arraycopy(digest, 0, data, data.length - DIGEST_BYTES, DIGEST_BYTES);
            return data;
        }

        /** The message's bytes that the record adds: its key in the table when new, and the record itself. */
        private long added(TransactionRecord record) {
            Integer known = keyIndex.get(record.partitionKey());
            int index = known != null ? known : keys.size();
            long key = known != null ? 0 : ProtobufWire.lengthDelimitedFieldSize(PARTITION_KEY_TABLE,
                    ProtobufWire.utf8(record.partitionKey()).length);
            return key + ProtobufWire.lengthDelimitedFieldSize(RECORDS, recordBytes(index, record));
        }

        private static int recordBytes(int index, TransactionRecord record) {
            return ProtobufWire.varintFieldSize(PARTITION_KEY_INDEX, index)
                    + ProtobufWire.lengthDelimitedFieldSize(DATA, record.data().length);
        }
    }

    private static long utf8Length(String key) {
        return key.getBytes(StandardCharsets.UTF_8).length;
    }
}
