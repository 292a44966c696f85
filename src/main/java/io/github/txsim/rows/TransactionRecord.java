package io.github.txsim.rows;

import java.nio.charset.StandardCharsets;

/**
 * A row made into a Kinesis record: its partition key and its data, the row's JSON.
 *
 * @param row          the row it was made from
 * @param partitionKey the row's partition-key value
 * @param data         the row's JSON
 */
public record TransactionRecord(SourceRow row, String partitionKey, byte[] data) {

    /** Kinesis takes records of at most 1 MiB, data and partition key together. */
    public static final long MAX_BYTES = 1024 * 1024;
    /** Kinesis takes partition keys of 1 to 256 characters. */
    public static final int MAX_KEY_LENGTH = 256;

    /** Bytes the record counts for against Kinesis's limits: its data and its partition key. */
    public long size() {
        return data.length + (long) partitionKey.getBytes(StandardCharsets.UTF_8).length;
    }
}
