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

    /** The largest population transaction ids can number (see {@link TransactionIds}). */
    public static final int MAX_CUSTOMERS = TransactionIds.MAX_CUSTOMERS;
    /** The terminals' locations are kept in memory, about 20 bytes each: this many take 200 MB. */
    public static final int MAX_TERMINALS = 10_000_000;

    public SimulatorSettings {
        if (customers < 1 || customers > MAX_CUSTOMERS) {
            throw new IllegalArgumentException(
                    "simulator.customers must be between 1 and " + MAX_CUSTOMERS + ", was " + customers);
        }
        if (terminals < 1 || terminals > MAX_TERMINALS) {
            throw new IllegalArgumentException(
                    "simulator.terminals must be between 1 and " + MAX_TERMINALS + ", was " + terminals);
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

    /** The last date whose transactions the ids can number: TX_TIME_SECONDS up to {@link TransactionIds#MAX_TIME_SECONDS}. */
    public LocalDate lastDate() {
        return startDate.plusDays((TransactionIds.MAX_TIME_SECONDS + 1) / Transaction.SECONDS_PER_DAY - 1);
    }

    /** Settings with the reference's daily compromise fractions (see {@link FraudSettings#referenceFractions}). */
    public SimulatorSettings(int customers, int terminals, double radius, long seed, LocalDate startDate) {
        this(customers, terminals, radius, seed, startDate, FraudSettings.referenceFractions(customers, terminals));
    }
}
