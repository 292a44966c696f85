package io.github.txsim.simulator;

/**
 * Transaction ids that are unique across days and customers, reproducible, and increase with the transaction time:
 * {@code TX_TIME_SECONDS * 10^9 + CUSTOMER_ID * 10^3 + n}, where n numbers the customer's draws of the day. Ordering
 * by id is ordering by time (ties within a second broken by customer, then draw), and the id of a row does not depend
 * on which other customers or days are generated. Ids are not contiguous.
 */
public final class TransactionIds {

    private static final long PER_SECOND = 1_000_000_000L;
    private static final long PER_CUSTOMER = 1_000L;

    private TransactionIds() {
    }

    public static long of(long timeSeconds, int customerId, int draw) {
        if (draw < 0 || draw >= PER_CUSTOMER) {
            throw new IllegalArgumentException("a customer has at most 999 draws a day, was " + draw);
        }
        return timeSeconds * PER_SECOND + customerId * PER_CUSTOMER + draw;
    }
}
