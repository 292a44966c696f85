package io.github.txsim.simulator;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Labels a transaction with the handbook's fraud scenarios ({@link FraudScenario}), in the reference's order of
 * precedence:
 * <ol>
 * <li>an amount above the threshold is fraud (scenario 1);</li>
 * <li>a transaction at a compromised terminal is fraud (scenario 2, overriding 1);</li>
 * <li>a transaction of a compromised customer is, with its probability, fraud (scenario 3, overriding both), and
 * its amount is multiplied by its factor, once, however many of the customer's compromise windows overlap.</li>
 * </ol>
 */
final class FraudLabeler {

    private FraudLabeler() {
    }

    /**
     * @param drawn                the transaction as drawn, not labelled
     * @param terminalCompromised  whether its terminal is compromised on its day
     * @param customerCoin         for a customer compromised on the day, the random stream that decides which of its
     *                             transactions are fraud (one draw per transaction); null otherwise
     */
    static Transaction label(Transaction drawn, boolean terminalCompromised, UniformRandomProvider customerCoin) {
        if (customerCoin != null && customerCoin.nextDouble() < FraudScenario.CUSTOMER_FRAUD_SHARE) {
            return new Transaction(drawn.transactionId(), drawn.timeSeconds(), drawn.customerId(),
                    drawn.terminalId(), drawn.amountCents() * FraudScenario.CUSTOMER_AMOUNT_FACTOR,
                    FraudScenario.COMPROMISED_CUSTOMER.number());
        }
        if (terminalCompromised) {
            return drawn.withFraudScenario(FraudScenario.COMPROMISED_TERMINAL.number());
        }
        if (drawn.amountCents() > FraudScenario.AMOUNT_THRESHOLD_CENTS) {
            return drawn.withFraudScenario(FraudScenario.AMOUNT.number());
        }
        return drawn;
    }
}
