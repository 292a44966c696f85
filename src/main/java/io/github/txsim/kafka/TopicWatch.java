package io.github.txsim.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the cluster says of the topic, through the admin client, each look waiting at most {@code kafka.apiTimeout}:
 * its id, its partitions, its largest record batch ({@code max.message.bytes}). And which topic the records go to:
 * a topic deleted and created again under its name (by hand, or by the producer itself on a broker with
 * {@code auto.create.topics.enable=true}, Kafka's default) is another topic, with another id, and the records the old
 * one acknowledged went with it. So acknowledgements count only once a look that began after them found the topic they
 * were sent to ({@link #counts}, {@link Confirmations}).
 */
final class TopicWatch {

    private static final Logger LOG = LoggerFactory.getLogger(TopicWatch.class);

    private final Admin admin;
    private final KafkaOptions options;
    private volatile Uuid current;

    /** The topic as one look found it. */
    record Topic(Uuid id, int partitions) {
    }

    TopicWatch(Admin admin, KafkaOptions options) {
        this.admin = admin;
        this.options = options;
    }

    /**
     * The topic now.
     *
     * @throws UnknownTopicOrPartitionException when it does not exist
     * @throws KafkaException                   when the cluster does not answer within kafka.apiTimeout, or refuses
     */
    Topic describe() throws InterruptedException {
        return describe(options.apiTimeout());
    }

    /** The topic now, by a look that waits at most {@code timeout}. */
    Topic describe(Duration timeout) throws InterruptedException {
        TopicDescription description = await(admin.describeTopics(Set.of(options.topic())).allTopicNames(), timeout)
                .get(options.topic());
        return new Topic(description.topicId(), description.partitions().size());
    }

    /** The topic's largest record batch, in bytes: its max.message.bytes, or the brokers' default. */
    int maxMessageBytes() throws InterruptedException {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, options.topic());
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(List.of(topic)).all(), options.apiTimeout());
        ConfigEntry entry = configs.get(topic).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        return Integer.parseInt(entry.value());
    }

    /** The records go to the topic of this id from now on (at start). */
    void publishTo(Uuid id) {
        current = id;
    }

    /**
     * A look found the topic gone: said once (ERROR), and the next topic found is a new one, which acknowledges for
     * itself.
     */
    synchronized void gone() {
        if (current != null) {
            LOG.error("Kafka topic '{}' at {} was deleted (topic id {}): the records it held went with it ('verify' "
                    + "names what a new topic lacks), and those it acknowledged since the last look are sent again. "
                    + "Kafka's producer creates the topic again where the brokers allow it "
                    + "(auto.create.topics.enable=true); otherwise publishing waits until it is created",
                    options.topic(), options.bootstrapServers(), current);
        }
        current = null;
    }

    /** The id of the topic the records go to now; null once it was found deleted, until another is found. */
    Uuid current() {
        return current;
    }

    /**
     * What a look found: the topic's id now, or null when it is gone. A topic gone, or back, or of another id, is said
     * once, and the current one changes with it.
     */
    synchronized void found(Uuid id) {
        if (id == null) {
            gone();
        } else if (current == null) {
            LOG.warn("Kafka topic '{}' exists again (topic id {}): publishing goes on into it", options.topic(), id);
            current = id;
        } else if (!id.equals(current)) {
            LOG.error("Kafka topic '{}' at {} was deleted and created again (topic id {}, now {}): the records the old "
                    + "topic held went with it ('verify' names what the new one lacks), and those it acknowledged "
                    + "since the last look are sent again to the new one. Kafka's producer creates a topic it does not "
                    + "find where the brokers allow it (auto.create.topics.enable=true): set that to false to have "
                    + "publishing wait for the topic instead", options.topic(), options.bootstrapServers(), current,
                    id);
            current = id;
        }
    }

    /**
     * Whether acknowledgements given while {@code sentTo} was the current topic count, now that a later look found
     * {@code found}: yes when it is the same topic, or any topic where the one before was found deleted (only a topic
     * created since can have acknowledged them); no when it is gone or another.
     */
    static boolean counts(Uuid sentTo, Uuid found) {
        return found != null && (sentTo == null || sentTo.equals(found));
    }

    /** The admin client's answer; its failure as the KafkaException it is, no answer in time as one too. */
    private <T> T await(Future<T> answer, Duration timeout) throws InterruptedException {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new org.apache.kafka.common.errors.TimeoutException(String.format("no answer within %.1f s%s",
                    timeout.toMillis() / 1000.0, timeout.equals(options.apiTimeout()) ? " (kafka.apiTimeout)" : ""));
        }
    }
}
