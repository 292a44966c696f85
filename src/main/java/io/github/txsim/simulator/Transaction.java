package io.github.txsim.simulator;

/**
 * One simulated card payment.
 *
 * @param transactionId unique and increasing with time (see {@link TransactionIds})
 * @param timeSeconds   seconds since midnight of the simulation's start date (TX_TIME_SECONDS)
 * @param customerId    the paying customer
 * @param terminalId    the terminal used
 * @param amountCents   the amount in cents
 * @param fraudScenario 0 for a genuine payment, otherwise the fraud scenario that labels it
 */
public record Transaction(long transactionId, long timeSeconds, int customerId, int terminalId, long amountCents,
        int fraudScenario) {

    public static final int SECONDS_PER_DAY = 86_400;

    public boolean isFraud() {
        return fraudScenario != 0;
    }

    /** TX_TIME_DAYS: whole days since the simulation's start date. */
    public long timeDays() {
        return timeSeconds / SECONDS_PER_DAY;
    }

    public Transaction withFraudScenario(int scenario) {
        return new Transaction(transactionId, timeSeconds, customerId, terminalId, amountCents, scenario);
    }
}
