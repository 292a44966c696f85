package io.github.txsim.files;

import java.util.Map;
import java.util.TreeMap;

import io.github.txsim.rows.FilePrefix;

/**
 * How many leading rows of a file are done when groups of rows complete in any order: the watermark moves only
 * over a contiguous run of completed groups, so a checkpoint never claims a row that a group still in flight holds.
 * With the rows it counts how many were rejected and where in the file the last one ends.
 */
final class Watermark {

    /** A group that completed: its last row, how many of its rows were rejected, where its last row ends. */
    private record Group(long last, long rejected, FilePrefix end) {
    }

    private final TreeMap<Long, Group> completed = new TreeMap<>();
    private Checkpoints.Checkpoint done;

    /** @param done where an earlier run left the file */
    Watermark(Checkpoints.Checkpoint done) {
        this.done = done;
    }

    /**
     * Records that rows first .. last (1-based row numbers) are done, and returns the watermark.
     *
     * @param rejected how many of the group's rows this run rejected
     * @param end      where the group's last row ends in the file
     */
    synchronized Checkpoints.Checkpoint complete(long first, long last, long rejected, FilePrefix end) {
        completed.put(first, new Group(last, rejected, end));
        while (!completed.isEmpty() && completed.firstKey() <= done.rowsDone() + 1) {
            Map.Entry<Long, Group> next = completed.pollFirstEntry();
            Group group = next.getValue();
            if (group.last() > done.rowsDone()) {
                done = new Checkpoints.Checkpoint(group.last(), done.rejected() + group.rejected(), group.end());
            }
        }
        return done;
    }

    synchronized Checkpoints.Checkpoint done() {
        return done;
    }
}
