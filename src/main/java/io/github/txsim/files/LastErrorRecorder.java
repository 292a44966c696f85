package io.github.txsim.files;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Remembers, on the file's progress, the last exception that publishing the file met. The error handler calls it
 * (its onExceptionOccurred hook) at every failed attempt, so that when the file finally fails its report can say
 * why: Camel hands the on-failure step of a route a copy of the exchange without the exception.
 */
public final class LastErrorRecorder implements Processor {

    @Override
    public void process(Exchange exchange) {
        FileProgress progress = exchange.getProperty(FileProgress.PROPERTY, FileProgress.class);
        Exception error = exchange.getException() != null
                ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (progress != null && error != null) {
            progress.lastError(error);
        }
    }
}
