package io.github.txsim.publish;

import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionRecord;

/**
 * A record not acknowledged by its destination yet, with the last failure it met (null before its first attempt).
 */
public record PendingRecord(TransactionRecord record, Sink.Failure lastFailure) {

    PendingRecord(TransactionRecord record) {
        this(record, null);
    }

    public SourceRow row() {
        return record.row();
    }

    /** Bytes the record counts for against its destination's limits. */
    public long size() {
        return record.size();
    }

    /** The last error met, or null before the first attempt. */
    String lastError() {
        return lastFailure == null ? null : lastFailure.error();
    }

    PendingRecord failedWith(Sink.Failure failure) {
        return new PendingRecord(record, failure);
    }

    /** The record as the failure report lists it. */
    FilePublishing.Undelivered undelivered() {
        return new FilePublishing.Undelivered(row(), lastError());
    }
}
