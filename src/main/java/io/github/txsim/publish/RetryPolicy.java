package io.github.txsim.publish;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.LoggingLevel;
import org.apache.camel.processor.errorhandler.RedeliveryPolicy;

/**
 * The publisher's one retry policy, whatever the destination: records not acknowledged are sent again until
 * {@code recordTimeout} has passed since their group first had some ({@link RecordTimeout}), waiting
 * {@code initialDelay}, then {@code backOffMultiplier} times longer each time up to {@code maximumDelay}, each wait
 * moved by up to half of it at random; a destination that cannot take records at all is looked at with the same
 * back-off, for {@code outageMaxWait} at most ({@link Outage}). routes/error-handling.yaml takes its waits from here
 * ({@link #redeliveryPolicy}).
 *
 * @param outageMaxWait how long publishing waits for a destination that cannot take records before the application
 *                      stops; null for no limit
 */
public record RetryPolicy(Duration recordTimeout, Duration initialDelay, double backOffMultiplier,
        Duration maximumDelay, Duration outageMaxWait) {

    /** Groups throttled together come back apart: each wait moves by up to half of it. */
    private static final double JITTER = 0.5;

    /** Each duration is checked where it is read ({@code PublishSettings}); here, how they stand to each other. */
    public RetryPolicy {
        if (maximumDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("publish.retry.initialDelay (" + initialDelay.toMillis() + "ms) must be "
                    + "at most publish.retry.maximumDelay (" + maximumDelay.toMillis() + "ms)");
        }
    }

    /** Camel's redelivery policy for the error handler: the back-off above, no Camel log (the publisher logs). */
    public RedeliveryPolicy redeliveryPolicy() {
        RedeliveryPolicy policy = new RedeliveryPolicy();
        policy.setRedeliveryDelay(initialDelay.toMillis());
        policy.setUseExponentialBackOff(true);
        policy.setBackOffMultiplier(backOffMultiplier);
        policy.setMaximumRedeliveryDelay(maximumDelay.toMillis());
        policy.setUseCollisionAvoidance(true);
        policy.setCollisionAvoidanceFactor(JITTER);
        policy.setRetryAttemptedLogLevel(LoggingLevel.DEBUG);
        policy.setLogExhausted(false);
        return policy;
    }

    /** The wait before the {@code attempt}-th look (from 1) at a destination that cannot take records. */
    public Duration delay(int attempt) {
        double millis = Math.min(maximumDelay.toMillis(),
                initialDelay.toMillis() * Math.pow(backOffMultiplier, Math.min(attempt - 1, 64)));
        double jitter = millis * JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.round(Math.min(maximumDelay.toMillis(), millis + jitter)));
    }
}
