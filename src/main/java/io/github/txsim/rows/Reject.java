package io.github.txsim.rows;

/**
 * A row that cannot become a Kinesis record, and why.
 *
 * @param line   the line the row starts on
 * @param reason what is wrong with it
 * @param row    the row, written back as CSV
 */
public record Reject(long line, String reason, String row) {
}
