package io.github.txsim.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The draws of one day, a window of time at a time, so that a day of any size is made in time order with memory for
 * one window only.
 * <p>
 * The handbook draws, per customer, Poisson(mean per day) times of day. The union of those draws over all customers
 * is a Poisson process (a superposition of independent ones) whose count in a window of the day is Poisson(sum of
 * the means x the window's probability), each of its points belonging to a customer with a probability proportional
 * to that customer's mean. Drawing the day that way, window by window, gives every customer the same distribution of
 * transactions as the handbook's loop over customers (Poisson counts, independent times) but in time order. Then each
 * transaction draws, from its own random stream (keyed by its second, customer and number within the second), its
 * amount ~ Normal(mean, std), a negative draw replaced by U(0, 2 mean), rounded to cents; its terminal, uniform among
 * those within the radius (none: no transaction, as in the handbook). A customer whose card is compromised draws its
 * day from its own stream instead ({@link CompromisedCards}): its arrivals among the others' are left out.
 */
final class DayDraws {

    /** The day is drawn in windows of this many seconds. */
    static final int WINDOW_SECONDS = 60;
    static final int WINDOWS = Transaction.SECONDS_PER_DAY / WINDOW_SECONDS;
    private static final long ARRIVAL_STREAM = 7;
    private static final long TRANSACTION_STREAM = 8;
    static final TimeOfDay TIME_OF_DAY = new TimeOfDay();

    private final long arrivalSeeds;
    private final long transactionSeeds;
    private final Population population;
    private final Partition partition;
    private final long dayIndex;
    private final BitSet compromisedTerminals;
    private final BitSet compromisedCustomers;
    private final CompromisedCards cards;

    /** @param compromisedCustomers the customers compromised on the day, every partition's; cards the partition's */
    DayDraws(long seed, Population population, Partition partition, long dayIndex, BitSet compromisedTerminals,
            BitSet compromisedCustomers, CompromisedCards cards) {
        this.arrivalSeeds = Seeds.derive(seed, ARRIVAL_STREAM);
        this.transactionSeeds = Seeds.derive(seed, TRANSACTION_STREAM);
        this.population = population;
        this.partition = partition;
        this.dayIndex = dayIndex;
        this.compromisedTerminals = compromisedTerminals;
        this.compromisedCustomers = compromisedCustomers;
        this.cards = cards;
    }

    /** How many transactions the whole population draws on a day, on average (every partition's). */
    static double expectedDraws(Population population) {
        return population.totalMeanTransactionsPerDay() * TIME_OF_DAY.probability(0, Transaction.SECONDS_PER_DAY);
    }

    /** The partition's transactions of the window, in id order. */
    List<Transaction> window(int window) {
        Arrivals arrivals = arrivals(window);
        List<Transaction> rows = new ArrayList<>(arrivals.customers.length / partition.count() + 1);
        for (int offset = 0; offset < WINDOW_SECONDS; offset++) {
            int n = 0;
            for (int i = arrivals.start[offset], end = arrivals.start[offset + 1]; i < end; i++) {
                int customer = arrivals.customers[i];
                n = i > arrivals.start[offset] && customer == arrivals.customers[i - 1] ? n + 1 : 0;
                if (partition.includes(customer)) {
                    Transaction t = transaction(window * WINDOW_SECONDS + offset, customer, n);
                    if (t != null) {
                        rows.add(t);
                    }
                }
            }
        }
        return rows;
    }

    /**
     * Who pays in the window, every partition's: the customers of second {@code from + k} are {@code customers[start[k]]
     * .. customers[start[k + 1] - 1]}, sorted, so a customer paying twice within a second comes twice in a row.
     */
    private record Arrivals(int[] start, int[] customers) {
    }

    /**
     * Draws the window's arrivals from the window's own stream, leaves out those of compromised customers and adds
     * the partition's card transactions instead, then sorts them by second and customer.
     */
    private Arrivals arrivals(int window) {
        int from = window * WINDOW_SECONDS;
        UniformRandomProvider rng = new SplitMix64(Seeds.extend(Seeds.extend(arrivalSeeds, dayIndex), window));
        double mean = population.totalMeanTransactionsPerDay() * TIME_OF_DAY.probability(from, from + WINDOW_SECONDS);
        int draws = mean > 0 ? PoissonSampler.of(rng, mean).sample() : 0;
        int capacity = draws + cards.count(from, from + WINDOW_SECONDS);
        int[] offsets = new int[capacity];
        int[] drawn = new int[capacity];
        int count = 0;
        for (int i = 0; i < draws; i++) {
            int second = TIME_OF_DAY.second(from, from + WINDOW_SECONDS, rng.nextDouble());
            int customer = population.drawPayingCustomer(rng);
            if (!compromisedCustomers.get(customer)) {
                offsets[count] = second;
                drawn[count++] = customer;
            }
        }
        count += cards.arrivals(from, from + WINDOW_SECONDS, offsets, drawn, count);
        int[] start = new int[WINDOW_SECONDS + 1];
        for (int i = 0; i < count; i++) {
            offsets[i] -= from;
            start[offsets[i] + 1]++;
        }
        // a counting sort by second, then a sort of each second's few hundred customers at most
        for (int k = 0; k < WINDOW_SECONDS; k++) {
            start[k + 1] += start[k];
        }
        int[] customers = new int[count];
        int[] next = start.clone();
        for (int i = 0; i < count; i++) {
            customers[next[offsets[i]]++] = drawn[i];
        }
        for (int k = 0; k < WINDOW_SECONDS; k++) {
            Arrays.sort(customers, start[k], start[k + 1]);
        }
        return new Arrivals(start, customers);
    }

    /** The n-th transaction of the customer in the second, or null when no terminal lies within its radius. */
    private Transaction transaction(int secondOfDay, int customerId, int n) {
        long timeSeconds = dayIndex * Transaction.SECONDS_PER_DAY + secondOfDay;
        UniformRandomProvider rng = new SplitMix64(Seeds.extend(Seeds.extend(Seeds.extend(transactionSeeds, timeSeconds), customerId), n));
        CustomerProfile customer = population.customer(customerId);
        double amount = customer.meanAmount()
                + customer.stdAmount() * ZigguratSampler.NormalizedGaussian.of(rng).sample();
        if (amount < 0) {
            amount = Population.uniform(rng, 0, customer.meanAmount() * 2);
        }
        int terminal = population.grid().pick(customer.x(), customer.y(), rng);
        if (terminal < 0) {
            return null;
        }
        Transaction drawn = new Transaction(TransactionIds.of(timeSeconds, customerId, n), timeSeconds, customerId,
                terminal, Math.round(amount * 100), 0);
        return FraudLabeler.label(drawn, compromisedTerminals.get(terminal),
                compromisedCustomers.get(customerId) && cards.isFraud(customerId, secondOfDay, n));
    }
}
