package io.github.txsim.labels;

import java.time.Duration;

import io.github.txsim.simulator.Seeds;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.statistics.distribution.LogNormalDistribution;

/**
 * How long after a fraud its cardholder reports it: the delay of a case ({@link CardCases}), drawn from the seed and
 * the transaction's id alone, so that the same input gives the same labels whatever the threads, the partitions or a
 * restart.
 */
public sealed interface ReportDelay {

    /** The delay after the transaction of this id. */
    Duration after(long transactionId);

    /** The share of cases reported within {@code delay} of their first fraud. */
    double shareWithin(Duration delay);

    /** The handbook's: every fraud known a fixed time after it (its delay period, 7 days). */
    record Fixed(Duration delay) implements ReportDelay {

        @Override
        public Duration after(long transactionId) {
            return delay;
        }

        @Override
        public double shareWithin(Duration within) {
            return within.compareTo(delay) >= 0 ? 1 : 0;
        }
    }

    /**
     * A long-tailed delay: log-normal with this median and spread (the standard deviation of its logarithm), cut at
     * {@code max} (no report comes later: the card schemes' time limit for a fraud dispute). docs/data.md tells where
     * the defaults come from.
     */
    record LongTailed(long seed, Duration median, double spread, Duration max) implements ReportDelay {

        /** Keeps these draws apart from every draw of the simulator's own. */
        private static final long STREAM = 0x4C4142454CL;

        public LongTailed {
            if (median.isZero() || median.isNegative() || !(spread > 0) || max.compareTo(median) < 0) {
                throw new IllegalArgumentException("a long-tailed delay needs a median above 0, a spread above 0 and "
                        + "a maximum of at least the median");
            }
        }

        private LogNormalDistribution seconds() {
            return LogNormalDistribution.of(Math.log(median.toSeconds()), spread);
        }

        @Override
        public Duration after(long transactionId) {
            double uniform = new SplitMix64(Seeds.derive(seed, STREAM, transactionId)).nextDouble();
            double seconds = seconds().inverseCumulativeProbability(uniform);
            return Duration.ofSeconds((long) Math.min(seconds, max.toSeconds()));
        }

        @Override
        public double shareWithin(Duration within) {
            return within.compareTo(max) >= 0 ? 1 : seconds().cumulativeProbability(within.toSeconds());
        }
    }
}
