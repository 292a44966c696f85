package io.github.txsim.kinesis;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many leading rows of a file are done when groups of rows complete in any order: the watermark moves only
 * over a contiguous run of completed groups, so a checkpoint never claims a row that a group still in flight holds.
 */
final class Watermark {

    private final TreeMap<Long, Long> completed = new TreeMap<>();
    private long done;

    /** @param done the rows done already (an earlier run's checkpoint) */
    Watermark(long done) {
        this.done = done;
    }

    /** Records that rows first .. last (1-based row numbers) are done, and returns the watermark. */
    synchronized long complete(long first, long last) {
        completed.merge(first, last, Math::max);
        while (!completed.isEmpty() && completed.firstKey() <= done + 1) {
            Map.Entry<Long, Long> next = completed.pollFirstEntry();
            done = Math.max(done, next.getValue());
        }
        return done;
    }

    synchronized long done() {
        return done;
    }
}
