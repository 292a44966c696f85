package io.github.txsim.simulator;

/**
 * Labels a transaction with the handbook's fraud scenarios ({@link FraudScenario}), in the reference's order of
 * precedence:
 * <ol>
 * <li>an amount above the threshold is fraud (scenario 1);</li>
 * <li>a transaction at a compromised terminal is fraud (scenario 2, overriding 1);</li>
 * <li>a transaction of a compromised customer chosen by {@link CompromisedCards} is fraud (scenario 3, overriding
 * both), and its amount is multiplied by its factor, once, however many of the customer's compromise windows
 * overlap.</li>
 * </ol>
 */
final class FraudLabeler {

    private FraudLabeler() {
    }

    /**
     * @param drawn                the transaction as drawn, not labelled
     * @param terminalCompromised  whether its terminal is compromised on its day
     * @param cardFraud            whether it is one of its compromised customer's transactions chosen as fraud
     */
    static Transaction label(Transaction drawn, boolean terminalCompromised, boolean cardFraud) {
        if (cardFraud) {
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
