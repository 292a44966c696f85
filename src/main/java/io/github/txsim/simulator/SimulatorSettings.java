package io.github.txsim.simulator;

import java.time.LocalDate;

/**
 * The parameters of the Fraud Detection Handbook's transaction simulator.
 *
 * @param customers number of customer profiles (ids 0 .. customers-1)
 * @param terminals number of terminal profiles (ids 0 .. terminals-1)
 * @param radius    a customer uses the terminals at a Euclidean distance below this, on the 100x100 grid
 * @param seed      the seed every random draw derives from
 * @param startDate day 0 of the simulation: TX_TIME_DAYS and TX_TIME_SECONDS count from its midnight
 * @param fraud     how many terminals and customers the fraud scenarios compromise each day
 */
public record SimulatorSettings(int customers, int terminals, double radius, long seed, LocalDate startDate,
        FraudSettings fraud) {

    /** Transaction ids reserve three decimal digits per customer for its transactions of one second. */
    public static final int MAX_CUSTOMERS = 999_999;

    public SimulatorSettings {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException(
                    "simulator.customers must be between 1 and " + MAX_CUSTOMERS + ", was " + customers);
        }
        if (terminals < 1) {
            throw new IllegalArgumentException("simulator.terminals must be at least 1, was " + terminals);
        }
        if (!(radius > 0 && radius <= 100)) {
            throw new IllegalArgumentException("simulator.radius must be above 0 and at most 100, was " + radius);
        }
        if (startDate == null) {
            throw new IllegalArgumentException("simulator.startDate is required");
        }
        if (fraud == null) {
            throw new IllegalArgumentException("the fraud settings are required");
        }
    }

    /** Settings with the reference's daily compromise fractions (see {@link FraudSettings#referenceFractions}). */
    public SimulatorSettings(int customers, int terminals, double radius, long seed, LocalDate startDate) {
        this(customers, terminals, radius, seed, startDate, FraudSettings.referenceFractions(customers, terminals));
    }
}
