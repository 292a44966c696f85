package io.github.txsim.app;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import io.github.txsim.labels.ReportDelay;
import io.github.txsim.settings.Settings;
import io.github.txsim.simulator.Partition;
import io.github.txsim.simulator.SimulatorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The simulator's settings as command-line options, shared by the commands that generate days ({@code generate}) and
 * that set files beside the model ({@code report}); each defaults to its key's value ({@link CommandSettings}) and is
 * checked where the service checks the key ({@link GeneratorSettings}).
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

    /** The settings the options give, checked as the service checks its keys; a bad one is a bad command line. */
    SimulatorSettings settings() {
        return checked(GeneratorSettings::simulator);
    }

    /** When the reports follow labels that arrive later (labels.mode delayed or both): the model of their delays. */
    Optional<ReportDelay> labelDelay() {
        return checked(settings -> Reports.labelDelay(settings, GeneratorSettings.simulator(settings).seed()));
    }

    Partition partition() {
        return checked(settings -> settings.get(GeneratorSettings.PARTITION));
    }

    /** What {@code read} makes of the command's options, each named by its option; a bad one is a bad command line. */
    <T> T checked(Function<Settings, T> read) {
        try {
            return read.apply(CommandLines.settings(spec));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    void check(boolean valid, String message) {
        if (!valid) {
            throw new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }
}
