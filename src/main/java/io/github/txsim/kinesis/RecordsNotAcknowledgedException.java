package io.github.txsim.kinesis;

/**
 * Some records of a group were not acknowledged by Kinesis. The error handler's redeliveries send only those again,
 * as long as {@link RecordTimeout} allows.
 */
public class RecordsNotAcknowledgedException extends RuntimeException {

    private final boolean throttledOnly;

    /** @param throttledOnly whether every record's last error was throttling */
    public RecordsNotAcknowledgedException(String message, boolean throttledOnly) {
        super(message);
        this.throttledOnly = throttledOnly;
    }

    public boolean throttledOnly() {
        return throttledOnly;
    }
}
