package io.github.txsim.rows;

/**
 * A file that cannot be read on from some line: a quote that never closes, a row longer than any record can be,
 * content that is not CSV, a header the publisher cannot use. The rows before that line are published; the file then
 * fails at once (no redelivery would read it differently), and its report names the line and the reason.
 */
public final class UnreadableFileException extends RuntimeException {

    private final long fromLine;
    private final String reason;

    /**
     * @param fromLine the first line not published: this line and every one after it
     * @param reason   what is wrong, in a person's words
     */
    public UnreadableFileException(String fileName, long fromLine, String reason) {
        super(fileName + ": " + reason);
        this.fromLine = fromLine;
        this.reason = reason;
    }

    public long fromLine() {
        return fromLine;
    }

    public String reason() {
        return reason;
    }
}
