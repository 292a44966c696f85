package io.github.txsim.simulator;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Labels a transaction with the handbook's fraud scenarios, in the reference's order of precedence:
 * <ol>
 * <li>an amount above 220 is fraud (scenario 1);</li>
 * <li>a transaction at a compromised terminal is fraud (scenario 2, overriding 1);</li>
 * <li>a transaction of a compromised customer is, with probability 1/3, fraud (scenario 3, overriding both), and
 * its amount is multiplied by 5, once, however many of the customer's compromise windows overlap.</li>
 * </ol>
 */
final class FraudLabeler {

    static final int AMOUNT = 1;
    static final int COMPROMISED_TERMINAL = 2;
    static final int COMPROMISED_CUSTOMER = 3;
    static final long AMOUNT_THRESHOLD_CENTS = 220_00;
    static final double COMPROMISED_CUSTOMER_FRAUD_PROBABILITY = 1.0 / 3;
    static final int COMPROMISED_CUSTOMER_AMOUNT_FACTOR = 5;

    private FraudLabeler() {
    }

    /**
     * @param drawn                the transaction as drawn, not labelled
     * @param terminalCompromised  whether its terminal is compromised on its day
     * @param customerCoin         for a customer compromised on the day, the random stream that decides which of its
     *                             transactions are fraud (one draw per transaction); null otherwise
     */
    static Transaction label(Transaction drawn, boolean terminalCompromised, UniformRandomProvider customerCoin) {
        if (customerCoin != null && customerCoin.nextDouble() < COMPROMISED_CUSTOMER_FRAUD_PROBABILITY) {
            return new Transaction(drawn.transactionId(), drawn.timeSeconds(), drawn.customerId(),
                    drawn.terminalId(), drawn.amountCents() * COMPROMISED_CUSTOMER_AMOUNT_FACTOR, COMPROMISED_CUSTOMER);
        }
        if (terminalCompromised) {
            return drawn.withFraudScenario(COMPROMISED_TERMINAL);
        }
        if (drawn.amountCents() > AMOUNT_THRESHOLD_CENTS) {
            return drawn.withFraudScenario(AMOUNT);
        }
        return drawn;
    }
}
