package io.github.txsim.simulator;

/**
 * Transaction ids that are unique across days, customers and partitions, reproducible, and increase with the
 * transaction time: {@code TX_TIME_SECONDS * 10^9 + CUSTOMER_ID * 10 + n}, where n numbers the customer's
 * transactions within that second (0 for the first). Ordering by id is ordering by time (ties within a second broken
 * by customer, then n), and the id of a row does not depend on which other customers, days or partitions are
 * generated. Ids are not contiguous.
 * <p>
 * The scheme bounds the population and the calendar, both well past what the model needs: customer ids below
 * {@value #MAX_CUSTOMERS} (eight of the nine digits each second has; the ninth is n), at most {@value #MAX_PER_SECOND}
 * transactions of one customer in one second (a customer makes at most a few a day: more than one in the same second
 * is already rare), and times up to {@link #MAX_TIME_SECONDS}, that is 106,751 days (292 years) after the start
 * date, so that every id fits a signed 64-bit integer (Redshift {@code BIGINT}).
 */
public final class TransactionIds {

    /** The largest population: customer ids 0 .. MAX_CUSTOMERS - 1. */
    public static final int MAX_CUSTOMERS = 100_000_000;
    /** How many transactions one customer can make within one second. */
    public static final int MAX_PER_SECOND = 10;
    private static final long PER_SECOND = (long) MAX_CUSTOMERS * MAX_PER_SECOND;
    /** The last TX_TIME_SECONDS an id can hold. */
    public static final long MAX_TIME_SECONDS = (Long.MAX_VALUE - (PER_SECOND - 1)) / PER_SECOND;

    private TransactionIds() {
    }

    public static long of(long timeSeconds, int customerId, int n) {
        if (n < 0 || n >= MAX_PER_SECOND) {
            throw new IllegalArgumentException("a customer has at most " + MAX_PER_SECOND
                    + " transactions within one second, was " + (n + 1) + " (customer " + customerId + ")");
        }
        if (customerId < 0 || customerId >= MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customer ids are below " + MAX_CUSTOMERS + ", was " + customerId);
        }
        if (timeSeconds < 0 || timeSeconds > MAX_TIME_SECONDS) {
            throw new IllegalArgumentException("TX_TIME_SECONDS is from 0 to " + MAX_TIME_SECONDS + ", was "
                    + timeSeconds);
        }
        return timeSeconds * PER_SECOND + customerId * (long) MAX_PER_SECOND + n;
    }
}
