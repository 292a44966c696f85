package io.github.txsim.kinesis;

import java.util.List;

import io.github.txsim.files.FileProgress;
import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.Reject;
import io.github.txsim.rows.SourceRow;

/**
 * A group of rows in flight: its records not acknowledged yet, its rows rejected, its first and last rows, and where
 * its last row ends in the file. It stays on the group's exchange, so a redelivery sends only what is still pending.
 */
final class Group {

    private List<PendingRecord> pending;
    private final List<Reject> rejects;
    private final long firstRow;
    private final long lastRow;
    private final FilePrefix end;

    Group(List<PendingRecord> pending, List<Reject> rejects, SourceRow first, SourceRow last) {
        this.pending = pending;
        this.rejects = rejects;
        this.firstRow = first.number();
        this.lastRow = last.number();
        this.end = last.end();
    }

    List<PendingRecord> pending() {
        return pending;
    }

    /** The records still not acknowledged, also noted on the file's progress for a failure report. */
    void pending(List<PendingRecord> records, FileProgress progress) {
        pending = records;
        progress.undelivered(firstRow, records.stream().map(PendingRecord::undelivered).toList());
    }

    /** Every record of the group is acknowledged: the file's checkpoint may move past it. */
    void done(FileProgress progress) {
        progress.groupDone(firstRow, lastRow, rejects, end);
    }
}
