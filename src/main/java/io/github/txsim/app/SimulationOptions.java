package io.github.txsim.app;

import java.time.LocalDate;
import java.util.function.Supplier;

import io.github.txsim.simulator.FraudSettings;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.SimulatorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The simulator's settings as command-line options, shared by the commands that generate days ({@code generate}) and
 * that set files beside the model ({@code report}); each defaults to its key in application.properties.
 */
final class SimulationOptions {

    @Option(names = "--customers", paramLabel = "N", descriptionKey = "simulator.customers",
            description = "Customers (default: ${DEFAULT-VALUE})")
    int customers;

    @Option(names = "--terminals", paramLabel = "N", descriptionKey = "simulator.terminals",
            description = "Terminals (default: ${DEFAULT-VALUE})")
    int terminals;

    @Option(names = "--seed", paramLabel = "N", descriptionKey = "simulator.seed",
            description = "Seed of every random draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--partition", paramLabel = "I/N", descriptionKey = "simulator.partition",
            description = "Only the customers whose id mod N is I (default: ${DEFAULT-VALUE})")
    String partition;

    @Option(names = "--radius", paramLabel = "R", descriptionKey = "simulator.radius",
            description = "A customer uses the terminals closer than this on the 100x100 grid (default: ${DEFAULT-VALUE})")
    double radius;

    @Option(names = "--start-date", paramLabel = "DATE", descriptionKey = "simulator.startDate",
            description = "Day 0 of the simulation, from which TX_TIME_DAYS counts (default: ${DEFAULT-VALUE})")
    LocalDate startDate;

    @Option(names = "--compromised-terminals-per-day", paramLabel = "N|auto",
            descriptionKey = "simulator.compromisedTerminalsPerDay",
            description = "Fraud scenario 2: terminals compromised each day (default: ${DEFAULT-VALUE})")
    String compromisedTerminals;

    @Option(names = "--compromised-customers-per-day", paramLabel = "N|auto",
            descriptionKey = "simulator.compromisedCustomersPerDay",
            description = "Fraud scenario 3: customers compromised each day (default: ${DEFAULT-VALUE})")
    String compromisedCustomers;

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** The settings the options give; a bad one is a bad command line. */
    SimulatorSettings settings() {
        check(customers >= 1 && customers <= SimulatorSettings.MAX_CUSTOMERS, String.format(
                "--customers must be from 1 to %,d, was %,d", SimulatorSettings.MAX_CUSTOMERS, customers));
        check(terminals >= 1 && terminals <= SimulatorSettings.MAX_TERMINALS, String.format(
                "--terminals must be from 1 to %,d, was %,d", SimulatorSettings.MAX_TERMINALS, terminals));
        check(radius > 0 && radius <= 100, "--radius must be above 0 and at most 100, was " + radius);
        FraudSettings reference = FraudSettings.referenceFractions(customers, terminals);
        FraudSettings fraud = new FraudSettings(
                countOrAuto("--compromised-terminals-per-day", compromisedTerminals, terminals,
                        reference.compromisedTerminalsPerDay()),
                countOrAuto("--compromised-customers-per-day", compromisedCustomers, customers,
                        reference.compromisedCustomersPerDay()));
        return new SimulatorSettings(customers, terminals, radius, seed, startDate, fraud);
    }

    Partition partition() {
        return parsed("--partition", () -> Partition.parse(partition));
    }

    private int countOrAuto(String option, String value, int max, int auto) {
        if (value.equalsIgnoreCase("auto")) {
            return auto;
        }
        int count = parsed(option, () -> Integer.parseInt(value));
        check(count >= 0 && count <= max, String.format("%s must be auto or from 0 to %,d, was %s", option, max, value));
        return count;
    }

    <T> T parsed(String option, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    void check(boolean valid, String message) {
        if (!valid) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
