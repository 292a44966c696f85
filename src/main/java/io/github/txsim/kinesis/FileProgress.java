package io.github.txsim.kinesis;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What has happened so far to one file being published. One instance travels with the file's exchange and is shared
 * with the exchanges of its groups.
 */
public final class FileProgress {

    /** The exchange property that holds it. */
    public static final String PROPERTY = "txsim.fileProgress";

    private final String fileName;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private volatile Exception lastError;

    public FileProgress(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    void rowsRead(long count) {
        rows.addAndGet(count);
    }

    void acknowledged(long count) {
        acknowledged.addAndGet(count);
    }

    void lastError(Exception error) {
        lastError = error;
    }

    /** The last exception met while publishing the file, or null. */
    public Exception lastError() {
        return lastError;
    }

    public long rows() {
        return rows.get();
    }

    public long acknowledged() {
        return acknowledged.get();
    }

    public double seconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
