package io.github.txsim.simulator;

import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.CombinationSampler;

/**
 * Which terminals (scenario 2) and customers (scenario 3) are compromised on a day. Each day d compromises its own
 * sample, drawn from the seed and d alone, for the days [d, d + w), w the scenario's window
 * ({@link FraudScenario#TERMINAL_WINDOW_DAYS}, {@link FraudScenario#CUSTOMER_WINDOW_DAYS}). So the
 * schedule of any day is known without generating the days before it, and windows that started before the first
 * generated day (even before the simulation's start date) count: every day is a steady-state day.
 */
public final class CompromiseSchedule {

    private static final long TERMINAL_STREAM = 4;
    private static final long CUSTOMER_STREAM = 5;

    private final long seed;
    private final int customers;
    private final int terminals;
    private final FraudSettings fraud;

    public CompromiseSchedule(SimulatorSettings settings) {
        this.seed = settings.seed();
        this.customers = settings.customers();
        this.terminals = settings.terminals();
        this.fraud = settings.fraud();
    }

    /** The terminals compromised on the day: bits indexed by terminal id. */
    public BitSet terminalsCompromisedOn(long day) {
        return compromisedOn(day, FraudScenario.TERMINAL_WINDOW_DAYS, TERMINAL_STREAM, terminals,
                fraud.compromisedTerminalsPerDay());
    }

    /** The customers compromised on the day: bits indexed by customer id. */
    public BitSet customersCompromisedOn(long day) {
        return compromisedOn(day, FraudScenario.CUSTOMER_WINDOW_DAYS, CUSTOMER_STREAM, customers,
                fraud.compromisedCustomersPerDay());
    }

    private BitSet compromisedOn(long day, int windowDays, long stream, int population, int perDay) {
        BitSet compromised = new BitSet(population);
        for (long start = day - windowDays + 1; start <= day; start++) {
            for (int id : compromisedFrom(start, stream, population, perDay)) {
                compromised.set(id);
            }
        }
        return compromised;
    }

    /** The customers whose compromise starts on the day (a customer may be among them on another day as well). */
    int[] customersCompromisedFrom(long start) {
        return compromisedFrom(start, CUSTOMER_STREAM, customers, fraud.compromisedCustomersPerDay());
    }

    /** The sample a day draws: from the seed, the scenario's stream and the day alone. */
    private int[] compromisedFrom(long start, long stream, int population, int perDay) {
        int sampleSize = Math.min(perDay, population);
        if (sampleSize == 0) {
            return new int[0];
        }
        return distinctIds(new SplitMix64(Seeds.derive(seed, stream, start)), population, sampleSize);
    }

    /**
     * k distinct ids drawn uniformly from 0 .. n-1. Commons RNG's CombinationSampler does the same but first lays out
     * all n ids, for each of the 42 samples a day needs; with k in the tens and n in the hundred thousands, drawing
     * and redrawing duplicates costs O(k) instead, and was most of a generated day's time. For k above n / 2 the
     * sampler is the better tool, and is used.
     */
    static int[] distinctIds(UniformRandomProvider rng, int n, int k) {
        if (k > n / 2) {
            return new CombinationSampler(rng, n, k).sample();
        }
        Set<Integer> drawn = new LinkedHashSet<>();
        while (drawn.size() < k) {
            drawn.add(rng.nextInt(n));
        }
        return drawn.stream().mapToInt(Integer::intValue).toArray();
    }
}
