package io.github.txsim.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.txsim.rows.SourceRow;

/**
 * What publishing one file has in hand: the records in flight, those sent again, the rows not delivered (yet) of each
 * group in flight, the pace. One instance travels with the file's exchange and is shared with the exchanges of its
 * groups, which may run at the same time (publish.maxInFlight); the outcomes go to the file ({@link PublishedFile}).
 */
public final class FilePublishing {

    /** The exchange property that holds it. */
    public static final String PROPERTY = "txsim.filePublishing";

    private final PublishedFile file;
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final Map<Long, List<Undelivered>> undelivered = new TreeMap<>();
    private volatile Instant nextDue;
    private volatile String paceTarget;
    private boolean ended;

    /** A row sent and not acknowledged (yet), with its last error (null before its first attempt), for the report. */
    public record Undelivered(SourceRow row, String lastError) {
    }

    public FilePublishing(PublishedFile file) {
        this.file = file;
    }

    /** The file, told of what publishing did. */
    public PublishedFile file() {
        return file;
    }

    public String fileName() {
        return file.fileName();
    }

    /**
     * Waits until a group that starts at this row may start: until it starts fewer than {@code rowsAhead} rows past
     * the file's watermark. Groups that finish while an older one is still retrying would otherwise pile up past the
     * checkpoint, and a crash would send them all again; this keeps the duplicates of a crash within the groups in
     * flight.
     *
     * @return false when the file ended meanwhile (another group failed) or the application is stopping
     */
    synchronized boolean awaitTurn(long firstRow, long rowsAhead, StopSignal stop) throws InterruptedException {
        while (firstRow - 1 - file.rowsDone() >= rowsAhead) {
            if (ended || stop.isRaised()) {
                return false;
            }
            wait(100); // woken by groupDone and ended; the timeout notices the stop signal
        }
        return true;
    }

    /** A group's rows are done: the file is told, and groups waiting for their turn look again. */
    synchronized void groupDone(Group group) {
        group.done(file);
        notifyAll();
    }

    /** The file's exchange is over (failed or stopped): groups still waiting for their turn give up. */
    public synchronized void ended() {
        ended = true;
        notifyAll();
    }

    /** Records sent and not acknowledged yet. */
    public long inFlight() {
        return inFlight.get();
    }

    public void inFlight(long delta) {
        inFlight.addAndGet(delta);
    }

    /** Records sent again after the destination did not acknowledge them. */
    public long retried() {
        return retried.get();
    }

    void retried(long count) {
        retried.addAndGet(count);
    }

    /** The rate the pacing aims at, such as {@code a target of 5,000 records/s}, or null. */
    public String paceTarget() {
        return paceTarget;
    }

    public void paceTarget(String target) {
        paceTarget = target;
    }

    /** When the next record to send is due (paced publishing), or null when records go as fast as they can. */
    public Instant nextDue() {
        return nextDue;
    }

    public void nextDue(Instant due) {
        nextDue = due;
    }

    /** The rows of the groups in flight that are not delivered (yet), in file order, for the failure report. */
    public synchronized List<Undelivered> undelivered() {
        List<Undelivered> all = new ArrayList<>();
        undelivered.values().forEach(all::addAll);
        return all;
    }

    /** The rows of the group starting at this row that are not delivered (yet); none once it is done. */
    synchronized void undelivered(long groupFirstRow, List<Undelivered> rows) {
        if (rows.isEmpty()) {
            undelivered.remove(groupFirstRow);
        } else {
            undelivered.put(groupFirstRow, List.copyOf(rows));
        }
    }
}
