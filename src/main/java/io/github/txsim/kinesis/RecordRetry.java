package io.github.txsim.kinesis;

import java.time.Duration;

import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How the publisher resends the records of a group that Kinesis did not acknowledge (throttled or failed entries of
 * a PutRecords answer) before it hands the group to Camel's error handler: up to {@code attempts} requests in all,
 * waiting between them with the AWS SDK's exponential back-off with full jitter (a random delay up to
 * {@code baseDelay * 2^(attempt-1)}, capped at {@code maxDelay}).
 *
 * @param attempts  requests per group, the first included
 * @param baseDelay the back-off's base
 * @param maxDelay  the longest wait
 */
public record RecordRetry(int attempts, Duration baseDelay, Duration maxDelay) {

    public RecordRetry {
        if (attempts < 1) {
            throw new IllegalArgumentException("publish.recordRetry.attempts must be at least 1, was " + attempts);
        }
    }

    BackoffStrategy backoff() {
        return BackoffStrategy.exponentialDelay(baseDelay, maxDelay);
    }
}
