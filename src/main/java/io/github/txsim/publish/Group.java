package io.github.txsim.publish;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.Reject;
import io.github.txsim.rows.SourceRow;

/**
 * A group of rows in flight: its records not acknowledged yet, its rows rejected, its first and last rows, where its
 * last row ends in the file, and since when it has records not acknowledged (the start of {@link RecordTimeout}'s
 * budget). It stays on the group's exchange, so a redelivery sends only what is still pending.
 */
final class Group {

    private List<PendingRecord> pending;
    private final List<SourceRow> recordRows;
    private final List<Reject> rejects;
    private final long firstRow;
    private final long lastRow;
    private final FilePrefix end;
    private int sends;
    private Instant notAcknowledgedSince;

    Group(List<PendingRecord> pending, List<Reject> rejects, SourceRow first, SourceRow last) {
        this.pending = pending;
        this.recordRows = pending.stream().map(PendingRecord::row).toList();
        this.rejects = rejects;
        this.firstRow = first.number();
        this.lastRow = last.number();
        this.end = last.end();
    }

    List<PendingRecord> pending() {
        return pending;
    }

    /** The rows the group made records of (its rows less those rejected and those done by an earlier run). */
    List<SourceRow> recordRows() {
        return recordRows;
    }

    /** The records still not acknowledged, also noted on the file's progress for a failure report. */
    void pending(List<PendingRecord> records, FilePublishing progress) {
        pending = records;
        progress.undelivered(firstRow, records.stream().map(PendingRecord::undelivered).toList());
    }

    /** Counts a delivery of the group (its first send, or a redelivery); answers whether it is the first. */
    boolean firstDelivery() {
        return sends++ == 0;
    }

    /** How many times the group was delivered. */
    int deliveries() {
        return sends;
    }

    /** Notes that the group has records not acknowledged at {@code now}, unless it had already. */
    void notAcknowledged(Instant now) {
        if (notAcknowledgedSince == null) {
            notAcknowledgedSince = now;
        }
    }

    /** The destination took records again after an outage: the group's retries start afresh. */
    void afterOutage(Instant now) {
        notAcknowledgedSince = now;
    }

    /** How long the group has had records not acknowledged, outages aside. */
    Duration notAcknowledgedFor(Instant now) {
        return notAcknowledgedSince == null ? Duration.ZERO : Duration.between(notAcknowledgedSince, now);
    }

    /** Every record of the group is acknowledged: the file's checkpoint may move past it. */
    void done(PublishedFile file) {
        file.groupDone(firstRow, lastRow, rejects, end);
    }
}
