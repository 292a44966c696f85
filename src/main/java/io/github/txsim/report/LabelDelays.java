package io.github.txsim.report;

import java.time.Duration;
import java.util.List;

/**
 * When a day's frauds become known (labels.mode delayed or both), counted in one pass with fixed arrays: the delays
 * from each fraud to its label, in whole days, and how many are known within the report's marks; for every fraud, and
 * for the cases alone (the fraud that opens its card's case, whose delay is the model's draw).
 */
public final class LabelDelays {

    /** The delays' histogram: a bin per day, [k, k + 1) days; the last holds every delay from its start on. */
    public static final int DAY_BINS = 31;
    /** The report's marks: the share of frauds known within each. */
    public static final List<Duration> WITHIN = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30));

    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private final long[] fraudsPerDay = new long[DAY_BINS];
    private final long[] casesPerDay = new long[DAY_BINS];
    private final long[] fraudsWithin = new long[WITHIN.size()];
    private final long[] casesWithin = new long[WITHIN.size()];
    private long frauds;
    private long cases;

    /**
     * Counts one fraud.
     *
     * @param delaySeconds from the transaction to its label becoming known
     * @param opensCase    whether it opened its card's case
     */
    void add(long delaySeconds, boolean opensCase) {
        int bin = (int) Math.min(DAY_BINS - 1, delaySeconds / DAY_SECONDS);
        frauds++;
        fraudsPerDay[bin]++;
        if (opensCase) {
            cases++;
            casesPerDay[bin]++;
        }
        for (int i = 0; i < WITHIN.size(); i++) {
            if (delaySeconds <= WITHIN.get(i).toSeconds()) {
                fraudsWithin[i]++;
                if (opensCase) {
                    casesWithin[i]++;
                }
            }
        }
    }

    /** The frauds counted. */
    public long frauds() {
        return frauds;
    }

    /** The frauds that opened their card's case. */
    public long cases() {
        return cases;
    }

    /** Frauds known in the bin's day after them (0: within the first 24 hours). */
    public long fraudsInDay(int bin) {
        return fraudsPerDay[bin];
    }

    public long casesInDay(int bin) {
        return casesPerDay[bin];
    }

    /** Frauds known within {@code WITHIN.get(mark)}. */
    public long fraudsWithin(int mark) {
        return fraudsWithin[mark];
    }

    public long casesWithin(int mark) {
        return casesWithin[mark];
    }
}
