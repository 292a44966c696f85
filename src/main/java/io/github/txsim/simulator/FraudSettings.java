package io.github.txsim.simulator;

/**
 * How many terminals and customers the fraud scenarios compromise each day.
 *
 * @param compromisedTerminalsPerDay scenario 2: terminals compromised each day, each for {@link FraudScenario#TERMINAL_WINDOW_DAYS} days
 * @param compromisedCustomersPerDay scenario 3: customers compromised each day, each for {@link FraudScenario#CUSTOMER_WINDOW_DAYS} days
 */
public record FraudSettings(int compromisedTerminalsPerDay, int compromisedCustomersPerDay) {

    /** The reference compromises 2 of its 10,000 terminals and 3 of its 5,000 customers a day. */
    static final double REFERENCE_TERMINAL_FRACTION = 2.0 / 10_000;
    static final double REFERENCE_CUSTOMER_FRACTION = 3.0 / 5_000;

    public FraudSettings {
        if (compromisedTerminalsPerDay < 0 || compromisedCustomersPerDay < 0) {
            throw new IllegalArgumentException("compromised terminals and customers per day cannot be negative");
        }
    }

    /** The reference's daily fractions applied to a population, so the fraud mix is the same at any size. */
    public static FraudSettings referenceFractions(int customers, int terminals) {
        return new FraudSettings((int) Math.round(terminals * REFERENCE_TERMINAL_FRACTION),
                (int) Math.round(customers * REFERENCE_CUSTOMER_FRACTION));
    }
}
