package io.github.txsim.simulator;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;

/**
 * Scenario 3 of one day as the handbook draws it: of a customer's transactions in the 14 days from the day its card
 * is compromised, exactly a third (rounded down, ⌊n/3⌋) are fraud, chosen at random among them.
 * <p>
 * To choose among a window's transactions, the count of each of its days must be known on any one of them, without
 * drawing the other days. So a compromised customer does not pay within the day's superposed arrivals
 * ({@link DayDraws} leaves its arrivals out: a thinned Poisson process stays Poisson, so the others' transactions are
 * drawn as before); it draws its day from its own stream, keyed by the day and the customer: a Poisson count with
 * its rate, then that many seconds of the day. That is the handbook's own per-customer draw, and the distribution of
 * its transactions is unchanged. A compromise's choice comes from a stream keyed by its first day and the customer:
 * all of it depends on the seed, the day and the customer alone, not on the partition or the threads. A customer
 * compromised again while compromised has two windows; a transaction chosen by both is one fraud, its amount
 * multiplied once.
 */
final class CompromisedCards {

    private static final long DAY_STREAM = 9;
    private static final long CHOICE_STREAM = 10;
    private static final int WINDOW = FraudScenario.CUSTOMER_WINDOW_DAYS;

    /**
     * Every card transaction of the day as {@code second << 32 | customer << 1 | fraud}, in order: one array, the
     * day's only memory of its cards (a customer's transactions within one second are interchangeable, so which of
     * them comes first is the array's order).
     */
    private final long[] arrivals;

    private CompromisedCards(long[] arrivals) {
        this.arrivals = arrivals;
    }

    /** The day's compromised cards of the partition's customers. */
    static CompromisedCards on(long day, long seed, Population population, CompromiseSchedule schedule,
            Partition partition, TimeOfDay timeOfDay) {
        Draws draws = new Draws(seed, population, timeOfDay);
        Map<Integer, int[]> seconds = new HashMap<>();
        Map<Integer, BitSet> frauds = new HashMap<>();
        for (long start = day - WINDOW + 1; start <= day; start++) {
            for (int customer : schedule.customersCompromisedFrom(start)) {
                if (partition.includes(customer)) {
                    double rate = draws.rate(customer);
                    seconds.computeIfAbsent(customer, c -> draws.seconds(c, rate, day));
                    draws.chooseFrauds(customer, rate, start, day, frauds.computeIfAbsent(customer, c -> new BitSet()));
                }
            }
        }
        long[] arrivals = seconds.entrySet().stream().flatMapToLong(card -> {
            BitSet fraud = frauds.get(card.getKey());
            int[] times = card.getValue();
            return IntStream.range(0, times.length)
                    .mapToLong(rank -> key(times[rank], card.getKey(), fraud.get(rank)));
        }).sorted().toArray();
        return new CompromisedCards(arrivals);
    }

    private static long key(int second, int customer, boolean fraud) {
        return (long) second << 32 | (long) customer << 1 | (fraud ? 1 : 0);
    }

    /** The index of the first arrival at or after the second and customer. */
    private int first(int second, int customer) {
        int i = Arrays.binarySearch(arrivals, key(second, customer, false));
        return i < 0 ? -i - 1 : i;
    }

    /**
     * Adds the card transactions of the seconds from .. to-1 to {@code customers} from {@code at} on, in order, their
     * seconds to {@code seconds}; answers how many it added.
     */
    int arrivals(int from, int to, int[] seconds, int[] customers, int at) {
        int added = 0;
        for (int i = first(from, 0); i < arrivals.length && (int) (arrivals[i] >>> 32) < to; i++, added++) {
            seconds[at + added] = (int) (arrivals[i] >>> 32);
            customers[at + added] = (int) arrivals[i] >>> 1;
        }
        return added;
    }

    /** How many card transactions fall in the seconds from .. to-1. */
    int count(int from, int to) {
        return first(to, 0) - first(from, 0);
    }

    /** Whether the customer's n-th transaction of the second is a scenario 3 fraud. */
    boolean isFraud(int customer, int second, int n) {
        int i = first(second, customer) + n;
        return i < arrivals.length && arrivals[i] >>> 1 == key(second, customer, false) >>> 1
                && (arrivals[i] & 1) == 1;
    }

    /** A compromised customer's draws: its day's transactions, and which of a window's are fraud. */
    private record Draws(long seed, Population population, TimeOfDay timeOfDay) {

        /** The customer's mean transactions a day: 0 without a terminal within its radius, as in the handbook. */
        double rate(int customer) {
            CustomerProfile profile = population.customer(customer);
            return population.grid().hasWithin(profile.x(), profile.y())
                    ? profile.meanTransactionsPerDay() * timeOfDay.probability(0, Transaction.SECONDS_PER_DAY) : 0;
        }

        private static int count(double rate, UniformRandomProvider rng) {
            return rate > 0 ? PoissonSampler.of(rng, rate).sample() : 0;
        }

        private UniformRandomProvider stream(int customer, long day) {
            return new SplitMix64(Seeds.derive(seed, DAY_STREAM, day, customer));
        }

        int[] seconds(int customer, double rate, long day) {
            UniformRandomProvider rng = stream(customer, day);
            int[] seconds = new int[count(rate, rng)];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = timeOfDay.second(0, Transaction.SECONDS_PER_DAY, rng.nextDouble());
            }
            Arrays.sort(seconds);
            return seconds;
        }

        /** Marks in {@code fraud} the day's transactions that the compromise from {@code start} chose. */
        void chooseFrauds(int customer, double rate, long start, long day, BitSet fraud) {
            int before = 0;
            int total = 0;
            int today = 0;
            for (long d = start; d < start + WINDOW; d++) {
                int n = count(rate, stream(customer, d));
                before += d < day ? n : 0;
                today = d == day ? n : today;
                total += n;
            }
            int frauds = total / FraudScenario.CUSTOMER_FRAUD_ONE_IN;
            if (frauds == 0) {
                return;
            }
            UniformRandomProvider rng = new SplitMix64(Seeds.derive(seed, CHOICE_STREAM, start, customer));
            for (int chosen : CompromiseSchedule.distinctIds(rng, total, frauds)) {
                if (chosen >= before && chosen < before + today) {
                    fraud.set(chosen - before);
                }
            }
        }
    }
}
