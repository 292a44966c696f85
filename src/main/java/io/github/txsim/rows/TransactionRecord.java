package io.github.txsim.rows;

import java.nio.charset.StandardCharsets;

/**
 * A row made into a record: its key (Kinesis's partition key, Kafka's record key) and its data, the row's JSON.
 *
 * @param row          the row it was made from
 * @param partitionKey the row's partition-key value, the record's key
 * @param data         the row's JSON
 */
public record TransactionRecord(SourceRow row, String partitionKey, byte[] data) {

    /** Bytes the record counts for against its destination's limits: its data and its key. */
    public long size() {
        return data.length + (long) partitionKey.getBytes(StandardCharsets.UTF_8).length;
    }
}
