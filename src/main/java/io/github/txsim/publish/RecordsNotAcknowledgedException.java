package io.github.txsim.publish;

/**
 * Some records of a group were not acknowledged by their destination. The error handler's redeliveries send only
 * those again, as long as {@link RecordTimeout} allows.
 */
public class RecordsNotAcknowledgedException extends RuntimeException {

    private final boolean throttledOnly;
    private final boolean retryable;

    /**
     * @param throttledOnly whether every record's last failure was throttling
     * @param retryable     whether every record's last failure may pass if the record is sent again
     */
    public RecordsNotAcknowledgedException(String message, boolean throttledOnly, boolean retryable) {
        super(message);
        this.throttledOnly = throttledOnly;
        this.retryable = retryable;
    }

    public boolean throttledOnly() {
        return throttledOnly;
    }

    public boolean retryable() {
        return retryable;
    }
}
