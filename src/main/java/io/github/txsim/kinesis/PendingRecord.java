package io.github.txsim.kinesis;

import java.nio.charset.StandardCharsets;

import io.github.txsim.rows.SourceRow;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * A record not acknowledged by Kinesis yet, with the row it came from and the last error it met (null before its
 * first attempt).
 */
record PendingRecord(SourceRow row, PutRecordsRequestEntry entry, String lastError) {

    /** Bytes the record counts for against Kinesis's limits: its data and its partition key. */
    long size() {
        return entry.data().asByteArrayUnsafe().length + entry.partitionKey().getBytes(StandardCharsets.UTF_8).length;
    }

    PendingRecord failedWith(String error) {
        return new PendingRecord(row, entry, error);
    }
}
