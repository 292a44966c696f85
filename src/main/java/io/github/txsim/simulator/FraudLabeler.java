package io.github.txsim.simulator;

/**
 * Labels a day's transactions with the handbook's fraud scenarios.
 * <p>
 * Scenario 1: any amount above 220 is fraud. (Scenarios 2, compromised terminals, and 3, compromised customers, need
 * a schedule of compromises per day; they will be applied here, after scenario 1, which they override.)
 */
public final class FraudLabeler {

    public static final int SCENARIO_AMOUNT = 1;
    static final long AMOUNT_THRESHOLD_CENTS = 220_00;

    public Transaction label(Transaction transaction) {
        if (transaction.amountCents() > AMOUNT_THRESHOLD_CENTS) {
            return transaction.withFraudScenario(SCENARIO_AMOUNT);
        }
        return transaction;
    }
}
