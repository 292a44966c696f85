package io.github.txsim.kinesis;

/**
 * Some records of a group were not acknowledged by Kinesis. The error handler's redeliveries send only those again.
 */
public class RecordsNotAcknowledgedException extends RuntimeException {

    public RecordsNotAcknowledgedException(String message) {
        super(message);
    }
}
