package io.github.txsim.simulator;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

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

    /** A compromised customer's day: the seconds of its transactions in order, and which of them are fraud. */
    private record Card(int[] seconds, BitSet fraud) {
    }

    private final Map<Integer, Card> cards;
    /** Every card transaction of the day as second x 2^32 + customer, in order. */
    private final long[] arrivals;

    private CompromisedCards(Map<Integer, Card> cards, long[] arrivals) {
        this.cards = cards;
        this.arrivals = arrivals;
    }

    /** The day's compromised cards of the partition's customers. */
    static CompromisedCards on(long day, long seed, Population population, CompromiseSchedule schedule,
            Partition partition, TimeOfDay timeOfDay) {
        Draws draws = new Draws(seed, population, timeOfDay);
        Map<Integer, Card> cards = new HashMap<>();
        for (long start = day - WINDOW + 1; start <= day; start++) {
            for (int customer : schedule.customersCompromisedFrom(start)) {
                if (partition.includes(customer)) {
                    double rate = draws.rate(customer);
                    Card card = cards.computeIfAbsent(customer,
                            c -> new Card(draws.seconds(c, rate, day), new BitSet()));
                    draws.chooseFrauds(customer, rate, start, day, card.fraud());
                }
            }
        }
        long[] arrivals = cards.entrySet().stream()
                .flatMapToLong(e -> Arrays.stream(e.getValue().seconds()).mapToLong(s -> key(s, e.getKey())))
                .sorted().toArray();
        return new CompromisedCards(cards, arrivals);
    }

    private static long key(int second, int customer) {
        return (long) second << 32 | customer;
    }

    /**
     * Adds the card transactions of the seconds from .. to-1 to {@code customers} from {@code at} on, in order, their
     * seconds to {@code seconds}; answers how many it added.
     */
    int arrivals(int from, int to, int[] seconds, int[] customers, int at) {
        int i = Arrays.binarySearch(arrivals, key(from, 0));
        i = i < 0 ? -i - 1 : i;
        int added = 0;
        for (; i < arrivals.length && (int) (arrivals[i] >>> 32) < to; i++, added++) {
            seconds[at + added] = (int) (arrivals[i] >>> 32);
            customers[at + added] = (int) arrivals[i];
        }
        return added;
    }

    /** How many card transactions fall in the seconds from .. to-1. */
    int count(int from, int to) {
        int low = Arrays.binarySearch(arrivals, key(from, 0));
        int high = Arrays.binarySearch(arrivals, key(to, 0));
        return (high < 0 ? -high - 1 : high) - (low < 0 ? -low - 1 : low);
    }

    /** Whether the customer's n-th transaction of the second is a scenario 3 fraud. */
    boolean isFraud(int customer, int second, int n) {
        Card card = cards.get(customer);
        if (card == null) {
            return false;
        }
        int first = Arrays.binarySearch(card.seconds(), second);
        while (first > 0 && card.seconds()[first - 1] == second) {
            first--;
        }
        return first >= 0 && card.fraud().get(first + n);
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
