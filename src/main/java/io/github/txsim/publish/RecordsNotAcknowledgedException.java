package io.github.txsim.publish;

/**
 * Some records of a group were not acknowledged by their destination. The error handler's redeliveries send only
 * those again, as long as {@link RecordTimeout} allows.
 */
public class RecordsNotAcknowledgedException extends RuntimeException {

    private final boolean throttledOnly;
    private final boolean retryable;
    private final boolean afterOutage;

    /**
     * @param throttledOnly whether every record's last failure was throttling
     * @param retryable     whether every record's last failure may pass if the record is sent again
     * @param afterOutage   whether the records were left over by an outage that is over (said by its own lines)
     */
    public RecordsNotAcknowledgedException(String message, boolean throttledOnly, boolean retryable,
            boolean afterOutage) {
        super(message);
        this.throttledOnly = throttledOnly;
        this.retryable = retryable;
        this.afterOutage = afterOutage;
    }

    public boolean throttledOnly() {
        return throttledOnly;
    }

    /**
     * Whether sending the records again is a matter of course, not worth a line: they were only throttled, or an
     * outage left them over, which its own ERROR and INFO told.
     */
    public boolean expected() {
        return throttledOnly || afterOutage;
    }

    public boolean retryable() {
        return retryable;
    }
}
