package io.github.txsim.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.Reject;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.support.ProcessResources;

/**
 * What has happened so far to one file being published. One instance travels with the file's exchange and is shared
 * with the exchanges of its groups, which may run at the same time (publish.maxInFlight). When a group is done, the
 * file's checkpoint follows the contiguous watermark of groups done ({@link Watermark}), which stays right should
 * groups end out of order.
 */
public final class FileProgress {

    /** The exchange property that holds it. */
    public static final String PROPERTY = "txsim.fileProgress";

    private final Path file;
    private final Checkpoints checkpoints;
    private final Checkpoints.Checkpoint resumedFrom;
    private final long startedNanos = System.nanoTime();
    private final double startedCpuSeconds = ProcessResources.cpuSeconds();
    private final Watermark watermark;
    private final AtomicLong acknowledged;
    private final AtomicLong rejected;
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final Map<Long, List<Undelivered>> undelivered = new TreeMap<>();
    private volatile long rowsEstimate;
    private volatile Instant nextDue;
    private volatile String paceTarget;
    private volatile Exception lastError;
    private volatile ArchivedCopies.Entry copyOf;
    private boolean ended;

    /** A row sent and not acknowledged (yet), with its last error (null before its first attempt), for the report. */
    public record Undelivered(SourceRow row, String lastError) {
    }

    /**
     * @param file        the source file
     * @param checkpoints where the file's checkpoint is kept
     * @param checkpoint  where an earlier run left the file
     */
    public FileProgress(Path file, Checkpoints checkpoints, Checkpoints.Checkpoint checkpoint) {
        this.file = file;
        this.checkpoints = checkpoints;
        this.resumedFrom = checkpoint;
        this.watermark = new Watermark(checkpoint);
        this.acknowledged = new AtomicLong(checkpoint.acknowledged());
        this.rejected = new AtomicLong(checkpoint.rejected());
    }

    public Path file() {
        return file;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    /** Rows an earlier run had done already, which this run skips. */
    public long resumedAfter() {
        return resumedFrom.rowsDone();
    }

    /** Leading rows done: acknowledged or rejected (a contiguous watermark, whatever order groups end in). */
    public long rowsDone() {
        return watermark.done().rowsDone();
    }

    /** Where the leading rows done stand: how many, how many rejected, where they end in the file. */
    public Checkpoints.Checkpoint done() {
        return watermark.done();
    }

    /**
     * A group's rows are done: the watermark moves on if it can, and the checkpoint with it, the group's rejects
     * saved.
     *
     * @param rejects the rows of the group this run rejected
     * @param end     where the group's last row ends in the file
     */
    public synchronized void groupDone(long firstRow, long lastRow, List<Reject> rejects, FilePrefix end) {
        checkpoints.save(file, watermark.complete(firstRow, lastRow, rejects.size(), end), rejects);
        notifyAll();
    }

    /**
     * Waits until a group that starts at this row may start: until it starts fewer than {@code rowsAhead} rows past
     * the watermark. Groups that finish while an older one is still retrying would otherwise pile up past the
     * checkpoint, and a crash would send them all again; this keeps the duplicates of a crash within the groups in
     * flight.
     *
     * @return false when the file ended meanwhile (another group failed) or the application is stopping
     */
    public synchronized boolean awaitTurn(long firstRow, long rowsAhead, StopSignal stop) throws InterruptedException {
        while (firstRow - 1 - rowsDone() >= rowsAhead) {
            if (ended || stop.isRaised()) {
                return false;
            }
            wait(100); // woken by groupDone and ended; the timeout notices the stop signal
        }
        return true;
    }

    /** The file's exchange is over (failed or stopped): groups still waiting for their turn give up. */
    synchronized void ended() {
        ended = true;
        notifyAll();
    }

    /** Records acknowledged by the destination, an earlier run's (up to its checkpoint) included. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Records that this run had acknowledged by the destination. */
    public long acknowledgedThisRun() {
        return acknowledged.get() - resumedFrom.acknowledged();
    }

    public void acknowledged(long count) {
        acknowledged.addAndGet(count);
    }

    /** Rows rejected, an earlier run's (up to its checkpoint) included. */
    public long rejected() {
        return rejected.get();
    }

    /** Rows that this run rejected. */
    public long rejectedThisRun() {
        return rejected.get() - resumedFrom.rejected();
    }

    public void rejected(long count) {
        rejected.addAndGet(count);
    }

    /** Records sent and not acknowledged yet. */
    public long inFlight() {
        return inFlight.get();
    }

    public void inFlight(long delta) {
        inFlight.addAndGet(delta);
    }

    /** About how many rows the file has (its line count less the header), for an estimate of the time left. */
    public long rowsEstimate() {
        return rowsEstimate;
    }

    void rowsEstimate(long rows) {
        rowsEstimate = rows;
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

    /** Records sent again after the destination did not acknowledge them. */
    public long retried() {
        return retried.get();
    }

    public void retried(long count) {
        retried.addAndGet(count);
    }

    /** The rows of the groups in flight that are not delivered (yet), in file order, for the failure report. */
    synchronized List<Undelivered> undelivered() {
        List<Undelivered> all = new ArrayList<>();
        undelivered.values().forEach(all::addAll);
        return all;
    }

    /** The rows of the group starting at this row that are not delivered (yet); none once it is done. */
    public synchronized void undelivered(long groupFirstRow, List<Undelivered> rows) {
        if (rows.isEmpty()) {
            undelivered.remove(groupFirstRow);
        } else {
            undelivered.put(groupFirstRow, List.copyOf(rows));
        }
    }

    /** The archived file this one is a copy of, when it is not published again; otherwise null. */
    ArchivedCopies.Entry copyOf() {
        return copyOf;
    }

    void copyOf(ArchivedCopies.Entry archived) {
        copyOf = archived;
    }

    void lastError(Exception error) {
        lastError = error;
    }

    /** The last exception met while publishing the file, or null. */
    public Exception lastError() {
        return lastError;
    }

    public double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** CPU time the whole process used since the file was picked up, in seconds. */
    double cpuSeconds() {
        return ProcessResources.cpuSeconds() - startedCpuSeconds;
    }
}
