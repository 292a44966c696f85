package io.github.txsim.simulator;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * The customers and terminals of a simulation, drawn as in the handbook: locations ~ U(0, 100); a customer's mean
 * amount ~ U(5, 100) with a standard deviation of half the mean, and mean transactions per day ~ U(0, 4).
 * <p>
 * A profile is a function of the seed and its id alone (each id has its own random stream), so it is derived when it
 * is needed rather than kept: all days and partitions of a run see the same population, and memory does not grow with
 * the number of customers. Only the terminals' locations are kept, in the spatial index that finds a customer's
 * terminals ({@link TerminalGrid}, about 20 bytes a terminal).
 */
public final class Population {

    private static final long CUSTOMER_STREAM = 1;
    private static final long TERMINAL_STREAM = 2;
    /** A customer's mean number of transactions per day is drawn from U(0, this). */
    static final double MAX_MEAN_TRANSACTIONS_PER_DAY = 4;
    /** A customer's standard deviation of amounts is this share of its mean amount. */
    static final double AMOUNT_SPREAD = 0.5;

    private final long customerSeeds;
    private final long terminalSeeds;
    private final int customers;
    private final int terminals;
    private final TerminalGrid grid;
    private final double meanTransactionsPerDay;

    private Population(SimulatorSettings settings) {
        this.customerSeeds = Seeds.derive(settings.seed(), CUSTOMER_STREAM);
        this.terminalSeeds = Seeds.derive(settings.seed(), TERMINAL_STREAM);
        this.customers = settings.customers();
        this.terminals = settings.terminals();
        this.grid = new TerminalGrid(terminals(), settings.radius());
        double total = 0;
        for (int id = 0; id < customers; id++) {
            total += meanTransactionsPerDay(id);
        }
        this.meanTransactionsPerDay = total;
    }

    public static Population generate(SimulatorSettings settings) {
        return new Population(settings);
    }

    public CustomerProfile customer(int id) {
        UniformRandomProvider rng = customerStream(id);
        double meanPerDay = uniform(rng, 0, MAX_MEAN_TRANSACTIONS_PER_DAY);
        double x = uniform(rng, 0, 100);
        double y = uniform(rng, 0, 100);
        double meanAmount = uniform(rng, 5, 100);
        return new CustomerProfile(id, x, y, meanAmount, meanAmount * AMOUNT_SPREAD, meanPerDay);
    }

    /** The customer's mean transactions per day, without the rest of its profile. */
    double meanTransactionsPerDay(int customerId) {
        return uniform(customerStream(customerId), 0, MAX_MEAN_TRANSACTIONS_PER_DAY);
    }

    /** The sum of every customer's mean transactions per day. */
    double totalMeanTransactionsPerDay() {
        return meanTransactionsPerDay;
    }

    /**
     * Draws a customer with a probability proportional to its mean transactions per day: the customer of one
     * transaction of the whole population's. Rejection sampling (a uniform customer kept with probability mean / 4)
     * takes two draws on average and needs no table of the population.
     */
    int drawPayingCustomer(UniformRandomProvider rng) {
        while (true) {
            int id = rng.nextInt(customers);
            if (rng.nextDouble() * MAX_MEAN_TRANSACTIONS_PER_DAY < meanTransactionsPerDay(id)) {
                return id;
            }
        }
    }

    public TerminalProfile terminal(int id) {
        UniformRandomProvider rng = new SplitMix64(Seeds.extend(terminalSeeds, id));
        return new TerminalProfile(id, uniform(rng, 0, 100), uniform(rng, 0, 100));
    }

    /** Every customer's profile, derived as it is read. */
    public List<CustomerProfile> customers() {
        return new Profiles<>(customers, this::customer);
    }

    /** Every terminal's profile, derived as it is read. */
    public List<TerminalProfile> terminals() {
        return new Profiles<>(terminals, this::terminal);
    }

    public TerminalGrid grid() {
        return grid;
    }

    private UniformRandomProvider customerStream(int id) {
        return new SplitMix64(Seeds.extend(customerSeeds, id));
    }

    static double uniform(UniformRandomProvider rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    /** A read-only list of profiles indexed by id. */
    private static final class Profiles<T> extends AbstractList<T> {
        private final int size;
        private final IntFunction<T> profile;

        Profiles(int size, IntFunction<T> profile) {
            this.size = size;
            this.profile = profile;
        }

        @Override
        public T get(int id) {
            return profile.apply(Objects.checkIndex(id, size));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
