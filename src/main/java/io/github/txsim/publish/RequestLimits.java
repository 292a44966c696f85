package io.github.txsim.publish;

/**
 * What a destination takes in one request: a group of rows holds at most {@code records} rows
 * ({@code publish.groupSize} is capped there).
 *
 * @param records the most records of one request
 */
public record RequestLimits(int records) {

    public RequestLimits {
        if (records < 1) {
            throw new IllegalArgumentException("a request takes at least one record, was " + records);
        }
    }
}
