package io.github.txsim.simulator;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The handbook's time of day: {@code int(Normal(43200, 20000))} seconds, kept only within (0, 86400); so second s
 * (1 to 86399) has the probability that the normal draw lies in [s, s + 1). Holds the cumulative probabilities of the
 * seconds (86,401 numbers), which give the probability of a span of seconds and draw a second within a span.
 */
final class TimeOfDay {

    private static final double MEAN = Transaction.SECONDS_PER_DAY / 2.0;
    private static final double STANDARD_DEVIATION = 20_000;
    /** The first second a transaction can have: an int() of 0 is dropped. */
    static final int FIRST_SECOND = 1;

    /** cumulative[s]: the probability of a second below s, for s from 0 to 86400. */
    private final double[] cumulative = new double[Transaction.SECONDS_PER_DAY + 1];

    TimeOfDay() {
        ContinuousDistribution normal = NormalDistribution.of(MEAN, STANDARD_DEVIATION);
        double below = normal.cumulativeProbability(FIRST_SECOND);
        for (int s = FIRST_SECOND + 1; s <= Transaction.SECONDS_PER_DAY; s++) {
            cumulative[s] = normal.cumulativeProbability(s) - below;
        }
    }

    /** The probability that a draw is kept and falls in the seconds from .. to-1 (0 <= from <= to <= 86400). */
    double probability(int from, int to) {
        return cumulative[to] - cumulative[from];
    }

    /** The second, from .. to-1, that a uniform u in [0, 1) stands for, given that the draw falls in that span. */
    int second(int from, int to, double u) {
        double target = cumulative[from] + u * (cumulative[to] - cumulative[from]);
        int low = Math.max(from, FIRST_SECOND);
        int high = to - 1;
        // the last second s of the span with cumulative[s] <= target
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (cumulative[middle] <= target) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
