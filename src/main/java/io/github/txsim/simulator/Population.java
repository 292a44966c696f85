package io.github.txsim.simulator;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;

/**
 * The customers and terminals of a simulation, drawn as in the handbook: locations ~ U(0, 100); a customer's mean
 * amount ~ U(5, 100) with a standard deviation of half the mean, and mean transactions per day ~ U(0, 4). Every
 * profile is drawn from the seed alone, so all days and all partitions of a run see the same population.
 */
public final class Population {

    private static final long CUSTOMER_STREAM = 1;
    private static final long TERMINAL_STREAM = 2;

    private final List<CustomerProfile> customers;
    private final List<TerminalProfile> terminals;
    private final TerminalGrid grid;

    private Population(List<CustomerProfile> customers, List<TerminalProfile> terminals, double radius) {
        this.customers = List.copyOf(customers);
        this.terminals = List.copyOf(terminals);
        this.grid = new TerminalGrid(this.terminals, radius);
    }

    public static Population generate(SimulatorSettings settings) {
        UniformRandomProvider customerRng = new SplitMix64(Seeds.derive(settings.seed(), CUSTOMER_STREAM));
        List<CustomerProfile> customers = new ArrayList<>(settings.customers());
        for (int id = 0; id < settings.customers(); id++) {
            double x = uniform(customerRng, 0, 100);
            double y = uniform(customerRng, 0, 100);
            double meanAmount = uniform(customerRng, 5, 100);
            double meanPerDay = uniform(customerRng, 0, 4);
            customers.add(new CustomerProfile(id, x, y, meanAmount, meanAmount / 2, meanPerDay));
        }
        UniformRandomProvider terminalRng = new SplitMix64(Seeds.derive(settings.seed(), TERMINAL_STREAM));
        List<TerminalProfile> terminals = new ArrayList<>(settings.terminals());
        for (int id = 0; id < settings.terminals(); id++) {
            terminals.add(new TerminalProfile(id, uniform(terminalRng, 0, 100), uniform(terminalRng, 0, 100)));
        }
        return new Population(customers, terminals, settings.radius());
    }

    static double uniform(UniformRandomProvider rng, double from, double to) {
        return from + (to - from) * rng.nextDouble();
    }

    public List<CustomerProfile> customers() {
        return customers;
    }

    public List<TerminalProfile> terminals() {
        return terminals;
    }

    public TerminalGrid grid() {
        return grid;
    }
}
