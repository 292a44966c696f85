package io.github.txsim.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.publish.Sink;
import io.github.txsim.rows.RecordLimits;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka topic (Apache Kafka, Amazon MSK) as the publisher's sink: each record goes with the Kafka client's own
 * producer, key the partition key, value the row's JSON, and is acknowledged when its send is (acks=all, idempotent:
 * {@link KafkaOptions#producerConfig}). The client, not Camel's kafka component, because a group's answer must be per
 * record: Camel's producer fails or completes an exchange as a whole.
 * <ul>
 * <li>On start it checks that the topic exists (creating it first when {@code createIfMissing}, local mode only), and
 * reads its largest record batch ({@code max.message.bytes}): a row whose record would not fit is rejected alone.</li>
 * <li>Its sends ({@link TopicSends}) look at the cluster when their records are not answered within a second, so that
 * publishing waits for a cluster out of reach or a topic gone ({@link #unavailable}, the core's outage) instead of
 * spending the records' retry time; and what a topic deleted meanwhile had acknowledged goes again.</li>
 * </ul>
 */
public final class KafkaTopic extends ServiceSupport implements Sink {

    /**
     * What a record batch of one record takes besides the record's key and value: the batch's header (61 bytes) and
     * the record's own framing (at most 21 bytes of lengths, deltas and attributes).
     */
    static final int BATCH_OVERHEAD = 61 + 21;
    /** The producer's own default max.request.size, which a topic taking larger batches raises. */
    private static final int DEFAULT_MAX_REQUEST = 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopic.class);

    private final KafkaOptions options;
    private final boolean createIfMissing;
    private final int partitionsIfCreated;
    private final String nameKey;
    private final ClusterLooks looks;
    /** Until the topic's own are read at start: the brokers' default largest batch, 1 MiB and 12 bytes. */
    private volatile RecordLimits limits = new RecordLimits(DEFAULT_MAX_REQUEST + 12 - BATCH_OVERHEAD,
            Integer.MAX_VALUE, "Kafka");
    private Admin admin;
    private TopicWatch topic;
    private TopicSends sends;

    public KafkaTopic(KafkaOptions options, boolean createIfMissing, int partitionsIfCreated) {
        this(options, KafkaSettings.TOPIC.key(), createIfMissing, partitionsIfCreated);
    }

    /** @param nameKey the setting that names the topic, which a message about it tells an operator to change */
    public KafkaTopic(KafkaOptions options, String nameKey, boolean createIfMissing, int partitionsIfCreated) {
        this.options = options;
        this.nameKey = nameKey;
        this.looks = new ClusterLooks(nameKey);
        this.createIfMissing = createIfMissing;
        this.partitionsIfCreated = partitionsIfCreated;
    }

    @Override
    public String destination() {
        return "Kafka topic '" + options.topic() + "'";
    }

    /** Prefixed, so that a Kinesis stream and a Kafka topic of one name are not taken for one another. */
    @Override
    public String name() {
        return "kafka:" + options.topic();
    }

    @Override
    public RecordLimits limits() {
        return limits;
    }

    @Override
    protected void doStart() throws Exception {
        admin = Admin.create(options.clientConfig());
        topic = new TopicWatch(admin, options);
        TopicWatch.Topic found = checkTopic();
        topic.publishTo(found.id());
        int maxBatch = topic.maxMessageBytes();
        limits = new RecordLimits(maxBatch - BATCH_OVERHEAD, Integer.MAX_VALUE, "Kafka");
        LOG.info("Kafka topic '{}' at {} has {} partition(s) and takes records of up to {} bytes ({})", options.topic(),
                options.bootstrapServers(), found.partitions(), limits.maxBytes(), options.security());
        sends = new TopicSends(new KafkaProducer<>(options.producerConfig(Math.max(DEFAULT_MAX_REQUEST, maxBatch)),
                new StringSerializer(), new ByteArraySerializer()), options, destination(), topic, looks);
    }

    private TopicWatch.Topic checkTopic() throws InterruptedException {
        try {
            try {
                return topic.describe();
            } catch (UnknownTopicOrPartitionException e) {
                if (!createIfMissing) {
                    throw new IllegalStateException(String.format("Kafka topic '%s' does not exist at %s: create it, "
                            + "or set %s", options.topic(), options.bootstrapServers(), nameKey));
                }
                LOG.info("Creating Kafka topic '{}' with {} partition(s)", options.topic(), partitionsIfCreated);
                admin.createTopics(List.of(new NewTopic(options.topic(), partitionsIfCreated, (short) 1))).all()
                        .get(options.apiTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return topic.describe();
            }
        } catch (KafkaException | ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException(String.format("Cannot reach Kafka at %s: %s", options.bootstrapServers(),
                    ClusterLooks.oneLine(cause)), e);
        }
    }

    @Override
    protected void doStop() throws InterruptedException {
        if (sends != null) {
            sends.close();
            sends = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    @Override
    public void send(String fileName, List<PendingRecord> records, Answers answers) throws InterruptedException {
        sends.send(records, answers);
    }

    @Override
    public String unavailable(RuntimeException failure) {
        if (!(failure instanceof KafkaException)) {
            return null;
        }
        try {
            return looks.recentOrNew(() -> sends.lookAtTopic(options.apiTimeout()), options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The topic's partitions now, for the health check; throws when the cluster cannot say. */
    public int partitionCount() throws InterruptedException {
        return topic.describe().partitions();
    }
}
