package io.github.txsim.simulator;

import java.util.Arrays;
import java.util.List;

/**
 * The handbook's three fraud scenarios, each with its number (the {@code TX_FRAUD_SCENARIO} value), its name and its
 * rule's parameters, written once here: the labeler ({@link FraudLabeler}), the compromise schedule
 * ({@link CompromiseSchedule}), the model's expectations ({@link ModelExpectations}) and the report read them.
 */
public enum FraudScenario {

    /** An amount above {@link #AMOUNT_THRESHOLD_CENTS} is fraud. */
    AMOUNT(1, "amount above " + FraudScenario.AMOUNT_THRESHOLD_CENTS / 100),
    /** A transaction at a terminal compromised within the last {@link #TERMINAL_WINDOW_DAYS} days is fraud. */
    COMPROMISED_TERMINAL(2, "compromised terminal"),
    /**
     * Of a compromised customer's transactions in the {@link #CUSTOMER_WINDOW_DAYS} days from its compromise, exactly
     * one in {@link #CUSTOMER_FRAUD_ONE_IN} (rounded down) are fraud, chosen at random, their amounts multiplied by
     * {@link #CUSTOMER_AMOUNT_FACTOR} ({@link CompromisedCards}).
     */
    COMPROMISED_CUSTOMER(3, "compromised card");

    /** Scenario 1: the amount above which a transaction is fraud, in cents. */
    public static final long AMOUNT_THRESHOLD_CENTS = 220_00;
    /** Scenario 2: the days a terminal stays compromised. */
    public static final int TERMINAL_WINDOW_DAYS = 28;
    /** Scenario 3: the days a customer stays compromised. */
    public static final int CUSTOMER_WINDOW_DAYS = 14;
    /** Scenario 3: one in this many of a compromise's transactions (rounded down) are fraud. */
    public static final int CUSTOMER_FRAUD_ONE_IN = 3;
    /** Scenario 3: what a fraudulent transaction's amount is multiplied by. */
    public static final int CUSTOMER_AMOUNT_FACTOR = 5;
    /** The {@code TX_FRAUD_SCENARIO} of a genuine transaction. */
    public static final int NONE = 0;

    private final int number;
    private final String shortName;

    FraudScenario(int number, String shortName) {
        this.number = number;
        this.shortName = shortName;
    }

    /** The {@code TX_FRAUD_SCENARIO} value, 1 to 3. */
    public int number() {
        return number;
    }

    /** A few words for a chart's axis or a table, such as {@code amount above 220}. */
    public String shortName() {
        return shortName;
    }

    /** The scenario of a {@code TX_FRAUD_SCENARIO} value, 1 to 3. */
    public static FraudScenario of(int number) {
        for (FraudScenario scenario : values()) {
            if (scenario.number == number) {
                return scenario;
            }
        }
        throw new IllegalArgumentException("the fraud scenarios are 1 to " + values().length + ", not " + number);
    }

    /** The scenarios, in number order. */
    public static List<FraudScenario> all() {
        return Arrays.asList(values());
    }

    /** The rules of the three scenarios in one sentence each, as the report states them. */
    public static String rules() {
        return String.format("Scenario 1: an amount above %d. Scenario 2: a terminal compromised for %d days. "
                + "Scenario 3: a card compromised for %d days, one in %d of whose transactions (rounded down) are "
                + "fraud, their amounts multiplied by %d.", AMOUNT_THRESHOLD_CENTS / 100, TERMINAL_WINDOW_DAYS,
                CUSTOMER_WINDOW_DAYS, CUSTOMER_FRAUD_ONE_IN, CUSTOMER_AMOUNT_FACTOR);
    }
}
