package io.github.txsim.rows;

/**
 * What one record may be at its destination: a row whose record would be larger, or whose key is empty or longer, is
 * rejected with its line.
 *
 * @param maxBytes     the most bytes of a record, data and key together
 * @param maxKeyLength the most characters of a key; {@link Integer#MAX_VALUE} where only the record's size bounds it
 * @param destination  the kind of destination, for the reject's reason: {@code Kinesis}, {@code Kafka}
 */
public record RecordLimits(long maxBytes, int maxKeyLength, String destination) {
}
