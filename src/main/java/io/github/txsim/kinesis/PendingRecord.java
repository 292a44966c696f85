package io.github.txsim.kinesis;

import io.github.txsim.files.FileProgress;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * A record not acknowledged by Kinesis yet, with the last error it met (null before its first attempt).
 */
record PendingRecord(TransactionRecord record, String lastError) {

    PendingRecord(TransactionRecord record) {
        this(record, null);
    }

    SourceRow row() {
        return record.row();
    }

    long size() {
        return record.size();
    }

    PutRecordsRequestEntry entry() {
        return PutRecordsRequestEntry.builder().partitionKey(record.partitionKey())
                .data(SdkBytes.fromByteArrayUnsafe(record.data())).build();
    }

    PendingRecord failedWith(String error) {
        return new PendingRecord(record, error);
    }

    /** The record as the failure report lists it. */
    FileProgress.Undelivered undelivered() {
        return new FileProgress.Undelivered(row(), lastError);
    }
}
