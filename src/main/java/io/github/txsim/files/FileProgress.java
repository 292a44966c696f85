package io.github.txsim.files;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.github.txsim.publish.FilePublishing;
import io.github.txsim.publish.PublishedFile;
import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.Reject;
import io.github.txsim.support.ProcessResources;

/**
 * What has happened so far to one file being published: its rows acknowledged, rejected and done, its checkpoint, the
 * last error met. One instance travels with the file's exchange, beside its publishing ({@link FilePublishing}), which
 * tells it the outcomes. When a group is done, the file's checkpoint follows the contiguous watermark of groups done
 * ({@link Watermark}), which stays right should groups end out of order.
 */
public final class FileProgress implements PublishedFile {

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
    private final FilePublishing publishing = new FilePublishing(this);
    private volatile long rowsEstimate;
    private volatile Exception lastError;
    private volatile ArchivedCopies.Entry copyOf;

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

    /** What publishing the file has in hand: records in flight, resent, not delivered. */
    public FilePublishing publishing() {
        return publishing;
    }

    @Override
    public String fileName() {
        return file.getFileName().toString();
    }

    @Override
    public long resumedAfter() {
        return resumedFrom.rowsDone();
    }

    @Override
    public long rowsDone() {
        return watermark.done().rowsDone();
    }

    /** Where the leading rows done stand: how many, how many rejected, where they end in the file. */
    public Checkpoints.Checkpoint done() {
        return watermark.done();
    }

    /** The watermark moves on if it can, and the checkpoint with it, the group's rejects saved. */
    @Override
    public synchronized void groupDone(long firstRow, long lastRow, List<Reject> rejects, FilePrefix end) {
        checkpoints.save(file, watermark.complete(firstRow, lastRow, rejects.size(), end), rejects);
    }

    /** Records acknowledged by the destination, an earlier run's (up to its checkpoint) included. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Records that this run had acknowledged by the destination. */
    public long acknowledgedThisRun() {
        return acknowledged.get() - resumedFrom.acknowledged();
    }

    @Override
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

    @Override
    public void rejected(long count) {
        rejected.addAndGet(count);
    }

    /** About how many rows the file has (its line count less the header), for an estimate of the time left. */
    public long rowsEstimate() {
        return rowsEstimate;
    }

    void rowsEstimate(long rows) {
        rowsEstimate = rows;
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
