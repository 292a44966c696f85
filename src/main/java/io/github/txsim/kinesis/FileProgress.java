package io.github.txsim.kinesis;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.txsim.rows.FilePrefix;
import io.github.txsim.support.ProcessResources;

/**
 * What has happened so far to one file being published. One instance travels with the file's exchange and is shared
 * with the exchanges of its groups, which may run at the same time (publish.maxInFlight).
 */
public final class FileProgress {

    /** The exchange property that holds it. */
    public static final String PROPERTY = "txsim.fileProgress";

    private final Path file;
    private final Checkpoints.Checkpoint resumedFrom;
    private final long startedNanos = System.nanoTime();
    private final double startedCpuSeconds = ProcessResources.cpuSeconds();
    private final Watermark watermark;
    private final AtomicLong acknowledged;
    private final AtomicLong rejected;
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private volatile long rowsEstimate;
    private volatile double lagSeconds;
    private final AtomicReference<PaceOrigin> paceOrigin = new AtomicReference<>();

    /** The event time and wall time a speed-up counts from: the file's first record paced in this run. */
    record PaceOrigin(LocalDateTime event, Instant wall) {
    }
    private final Map<Long, List<PendingRecord>> undelivered = new TreeMap<>();
    private volatile Exception lastError;
    private boolean ended;

    /**
     * @param file       the source file
     * @param checkpoint where an earlier run left the file
     */
    public FileProgress(Path file, Checkpoints.Checkpoint checkpoint) {
        this.file = file;
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
     * Records that the rows of a group are done; returns the watermark.
     *
     * @param rejected how many of the group's rows were rejected
     * @param end      where the group's last row ends in the file
     */
    Checkpoints.Checkpoint groupDone(long firstRow, long lastRow, long rejected, FilePrefix end) {
        Checkpoints.Checkpoint done = watermark.complete(firstRow, lastRow, rejected, end);
        synchronized (this) {
            notifyAll();
        }
        return done;
    }

    /**
     * Waits until a group that starts at this row may start: until it starts fewer than {@code rowsAhead} rows past
     * the watermark. Groups that finish while an older one is still retrying would otherwise pile up past the
     * checkpoint, and a crash would send them all again; this keeps the duplicates of a crash within the groups in
     * flight.
     *
     * @return false when the file ended meanwhile (another group failed) or the application is stopping
     */
    boolean awaitTurn(long firstRow, long rowsAhead, StopSignal stop) throws InterruptedException {
        synchronized (this) {
            while (firstRow - 1 - rowsDone() >= rowsAhead) {
                if (ended || stop.isRaised()) {
                    return false;
                }
                wait(100); // woken by groupDone and ended; the timeout notices the stop signal
            }
            return true;
        }
    }

    /** The file's exchange is over (failed or stopped): groups still waiting for their turn give up. */
    synchronized void ended() {
        ended = true;
        notifyAll();
    }

    /** Records acknowledged by Kinesis, an earlier run's (up to its checkpoint) included. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Records that this run had acknowledged by Kinesis. */
    public long acknowledgedThisRun() {
        return acknowledged.get() - resumedFrom.acknowledged();
    }

    void acknowledged(long count) {
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

    void rejected(long count) {
        rejected.addAndGet(count);
    }

    /** Records sent and not acknowledged yet. */
    public long inFlight() {
        return inFlight.get();
    }

    void inFlight(long delta) {
        inFlight.addAndGet(delta);
    }

    /** About how many rows the file has (its line count less the header), for an estimate of the time left. */
    public long rowsEstimate() {
        return rowsEstimate;
    }

    void rowsEstimate(long rows) {
        rowsEstimate = rows;
    }

    /** The origin of a speed-up, set by the first call. */
    PaceOrigin paceOrigin(LocalDateTime event, Instant wall) {
        paceOrigin.compareAndSet(null, new PaceOrigin(event, wall));
        return paceOrigin.get();
    }

    /** How far the last record sent was behind its due time (paced publishing), in seconds. */
    public double lagSeconds() {
        return lagSeconds;
    }

    void lagSeconds(double seconds) {
        lagSeconds = seconds;
    }

    /** Records sent again after Kinesis did not acknowledge them. */
    public long retried() {
        return retried.get();
    }

    void retried(long count) {
        retried.addAndGet(count);
    }

    /** The records of the groups in flight that are not delivered (yet), in file order, for the failure report. */
    synchronized List<PendingRecord> undelivered() {
        List<PendingRecord> all = new ArrayList<>();
        undelivered.values().forEach(all::addAll);
        return all;
    }

    /** The records of the group starting at this row that are not delivered (yet); none once it is done. */
    synchronized void undelivered(long groupFirstRow, List<PendingRecord> records) {
        if (records.isEmpty()) {
            undelivered.remove(groupFirstRow);
        } else {
            undelivered.put(groupFirstRow, List.copyOf(records));
        }
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
