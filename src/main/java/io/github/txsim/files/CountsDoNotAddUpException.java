package io.github.txsim.files;

/**
 * A file's rows done are not its records acknowledged plus its rows rejected: a fault of the application, not of the
 * stream, so the file is failed at once rather than retried.
 */
public final class CountsDoNotAddUpException extends IllegalStateException {

    public CountsDoNotAddUpException(String message) {
        super(message);
    }
}
