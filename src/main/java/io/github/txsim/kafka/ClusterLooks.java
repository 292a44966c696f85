package io.github.txsim.kafka;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Looks at the cluster for whether the topic takes records, each answered for an operator: null when it does, else
 * why not (the topic gone, the brokers out of reach) and what to do. A look of the last second answers again, so that
 * the outage that a send's own look found is said at once rather than after a second look.
 */
final class ClusterLooks {

    private static final long RECENT_NANOS = 1_000_000_000L;

    /** One look at the topic: throws what the cluster answered when it is not there or not reachable. */
    interface Look {
        void look() throws InterruptedException;
    }

    private final String nameKey;
    private long lookedAt = System.nanoTime() - 2 * RECENT_NANOS;
    private String found;

    /** @param nameKey the setting that names the topic, which the answer tells an operator to change */
    ClusterLooks(String nameKey) {
        this.nameKey = nameKey;
    }

    /** Looks now. */
    synchronized String look(Look look, KafkaOptions options) throws InterruptedException {
        try {
            look.look();
            return remember(null);
        } catch (KafkaException e) {
            return remember(reasonFor(e, options));
        }
    }

    /** The answer of a look of the last second, or of a new one. */
    synchronized String recentOrNew(Look look, KafkaOptions options) throws InterruptedException {
        return System.nanoTime() - lookedAt < RECENT_NANOS ? found : look(look, options);
    }

    private String remember(String reason) {
        lookedAt = System.nanoTime();
        found = reason;
        return reason;
    }

    private String reasonFor(KafkaException failure, KafkaOptions options) {
        if (failure instanceof UnknownTopicOrPartitionException) {
            return String.format("Kafka topic '%s' does not exist (any longer) at %s, and the records it held went with "
                    + "it ('verify' names what a new one lacks): create it again, or set %s to the topic to use and "
                    + "restart", options.topic(), options.bootstrapServers(), nameKey);
        }
        return String.format("Cannot reach Kafka at %s (%s): check the brokers, the network path to them (security "
                + "groups, DNS) and kafka.security.*, or in local mode whether the broker still runs",
                options.bootstrapServers(), oneLine(failure));
    }

    /** A failure in one line: its kind and the first line of its message. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null ? "" : failure.getMessage().lines().findFirst().orElse("");
        return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
