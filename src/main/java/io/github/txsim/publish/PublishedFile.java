package io.github.txsim.publish;

import java.util.List;

import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.Reject;

/**
 * A file as publishing sees it, and what publishing tells of it: records acknowledged, rows rejected, groups done.
 * The file's own state (its checkpoint, its counts, its reports) is kept by whoever implements it (the file's
 * lifecycle, {@code files/FileProgress}).
 */
public interface PublishedFile {

    String fileName();

    /** Rows an earlier run had done already, which this run skips. */
    long resumedAfter();

    /** Leading rows done: acknowledged or rejected, a contiguous watermark whatever order groups end in. */
    long rowsDone();

    /** Records the destination acknowledged. */
    void acknowledged(long count);

    /** Rows rejected before they were sent. */
    void rejected(long count);

    /**
     * A group's rows are all done (acknowledged or rejected).
     *
     * @param rejects the rows of the group this run rejected
     * @param end     where the group's last row ends in the file
     */
    void groupDone(long firstRow, long lastRow, List<Reject> rejects, FilePrefix end);
}
