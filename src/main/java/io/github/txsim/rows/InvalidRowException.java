package io.github.txsim.rows;

/**
 * A CSV row that cannot become a Kinesis record. The message names the file, the line and the cause; the row is
 * rejected and the rest of the file is still published.
 */
public class InvalidRowException extends RuntimeException {

    private final String reason;

    public InvalidRowException(String fileName, SourceRow row, String reason) {
        super(String.format("%s line %d: %s", fileName, row.line(), reason));
        this.reason = reason;
    }

    /** What is wrong with the row, without the file and line. */
    public String reason() {
        return reason;
    }
}
