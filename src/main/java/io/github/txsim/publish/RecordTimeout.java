package io.github.txsim.publish;

import java.time.Clock;
import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher's one retry rule, as KPL has it: a group's records that the destination did not acknowledge (throttled, failed,
 * or their request failed) are sent again, and only they, until they are acknowledged or {@code publish.recordTimeout}
 * has passed since the group first had records not acknowledged; then the file fails with a report. The error handler
 * of routes/error-handling.yaml asks it before each redelivery (its {@code retryWhile}) and waits the back-off
 * declared there. Only a group's records are retried: a failure before the group exists, or once the application
 * stops, is not. Waiting for a destination that cannot take records ({@link Outage}) is not retrying: the budget
 * starts again when it is back.
 * <p>
 * Each retry is logged at WARN, except those of records only throttled: a destination at its limits throttles as a matter
 * of course, and the metrics count them (txsim_records_throttled_total).
 */
public final class RecordTimeout implements Predicate {

    private static final Logger LOG = LoggerFactory.getLogger(RecordTimeout.class);

    private final Duration timeout;
    private final StopSignal stop;
    private final Clock clock;

    public RecordTimeout(RetryPolicy policy, StopSignal stop, Clock clock) {
        this.timeout = policy.recordTimeout();
        this.stop = stop;
        this.clock = clock;
    }

    @Override
    public boolean matches(Exchange exchange) {
        Group group = exchange.getProperty(GroupPublisher.GROUP, Group.class);
        if (group == null || stop.isRaised()) {
            return false;
        }
        // the error handler has moved the exception aside by now
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (failure instanceof RecordsNotAcknowledgedException e && !e.retryable()) {
            return false;
        }
        Duration retried = group.notAcknowledgedFor(clock.instant());
        if (retried.compareTo(timeout) >= 0) {
            return false;
        }
        if (failure instanceof RecordsNotAcknowledgedException e) {
            if (!e.expected()) {
                LOG.warn("{}; sent again, for {} s more at most (publish.recordTimeout)", e.getMessage(),
                        timeout.minus(retried).toSeconds());
            }
        } else {
            FilePublishing progress = exchange.getProperty(FilePublishing.PROPERTY, FilePublishing.class);
            LOG.warn("{}: a request failed ({}: {}); the group is sent again, for {} s more at most "
                    + "(publish.recordTimeout)", progress == null ? "?" : progress.fileName(),
                    failure == null ? "?" : failure.getClass().getSimpleName(),
                    failure == null ? "" : failure.getMessage(), timeout.minus(retried).toSeconds());
        }
        return true;
    }

    @Override
    public String toString() {
        return "records retried for " + timeout.toMillis() + " ms at most";
    }
}
