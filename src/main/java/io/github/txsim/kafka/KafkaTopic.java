package io.github.txsim.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.publish.Sink;
import io.github.txsim.rows.RecordLimits;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
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
 * <li>A send not answered within a second makes it look at the cluster ({@link TopicWatch}); when the brokers do not
 * answer by {@code kafka.apiTimeout} or the topic is gone, the send stops waiting and fails, so that publishing waits
 * for the cluster ({@link #unavailable}, the core's outage) instead of spending the records' retry time. The producer
 * still holds those records: sent again, a record whose earlier send is still open waits for that one's answer
 * rather than going twice.</li>
 * <li>Acknowledgements count once a look that began after them found the same topic: those of a topic deleted (and
 * created again) meanwhile fail, to be sent again.</li>
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
    /** How long a send waits for its answers before it looks at the cluster. */
    private static final Duration STALL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopic.class);

    private final KafkaOptions options;
    private final boolean createIfMissing;
    private final int partitionsIfCreated;
    private final OpenSends open = new OpenSends();
    private final ClusterLooks looks = new ClusterLooks();
    /** Until the topic's own are read at start: the brokers' default largest batch, 1 MiB and 12 bytes. */
    private volatile RecordLimits limits = new RecordLimits(DEFAULT_MAX_REQUEST + 12 - BATCH_OVERHEAD,
            Integer.MAX_VALUE, "Kafka");
    private KafkaProducer<String, byte[]> producer;
    private Admin admin;
    private TopicWatch topic;

    public KafkaTopic(KafkaOptions options, boolean createIfMissing, int partitionsIfCreated) {
        this.options = options;
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
        producer = new KafkaProducer<>(options.producerConfig(Math.max(DEFAULT_MAX_REQUEST, maxBatch)),
                new StringSerializer(), new ByteArraySerializer());
    }

    private TopicWatch.Topic checkTopic() throws InterruptedException {
        try {
            try {
                return topic.describe();
            } catch (UnknownTopicOrPartitionException e) {
                if (!createIfMissing) {
                    throw new IllegalStateException(String.format("Kafka topic '%s' does not exist at %s: create it, "
                            + "or set kafka.topic", options.topic(), options.bootstrapServers()));
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
    protected void doStop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        open.clear();
    }

    @Override
    public void send(List<PendingRecord> records, Answers answers) throws InterruptedException {
        Uuid sentTo = topic.current();
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (PendingRecord pending : records) {
            sends.add(open.sendOrReuse(pending.record(), record -> producer.send(new ProducerRecord<>(options.topic(),
                    record.partitionKey(), record.data()))));
        }
        Duration stallLook = options.apiTimeout().minus(STALL).compareTo(STALL) < 0 ? STALL
                : options.apiTimeout().minus(STALL);
        String down = null;
        int answered = 0;
        long lookAt = System.nanoTime() + STALL.toNanos();
        while (answered < sends.size() && down == null) {
            try {
                sends.get(answered).get(Math.max(1, lookAt - System.nanoTime()), TimeUnit.NANOSECONDS);
                answered++;
            } catch (ExecutionException failedSend) {
                answered++;
            } catch (TimeoutException notYet) {
                down = looks.look(() -> lookAtTopic(stallLook), options);
                lookAt = System.nanoTime() + options.apiTimeout().toNanos();
            }
        }
        List<Failure> failures = new ArrayList<>(answered);
        sends.subList(0, answered).forEach(send -> failures.add(OpenSends.failureOf(send)));
        long cutOff = sends.subList(0, answered).stream().filter(OpenSends::cutOff).count();
        String unsure = failures.contains(null) ? confirm(sentTo, failures) : null;
        try {
            answers.answered(records.subList(0, answered), failures);
        } finally {
            open.answered(records.subList(0, answered));
        }
        if (down != null || unsure != null) {
            throw new KafkaException(down != null ? down : unsure);
        }
        if (cutOff == records.size() && !records.isEmpty()) {
            throw new KafkaException(String.format("none of %d records reached %s: %s", records.size(),
                    destination(), failures.get(0).error()));
        }
    }

    /**
     * The acknowledgements among the failures (nulls) count only when the topic that gave them is still there: when it
     * was deleted (or deleted and created again) meanwhile, they become failures, to be sent again. Returns why
     * publishing should look at the cluster (it could not say), or null.
     */
    private String confirm(Uuid sentTo, List<Failure> failures) throws InterruptedException {
        String lost;
        String reason = null;
        try {
            if (topic.stillTheSame(sentTo, System.nanoTime())) {
                return null;
            }
            lost = "Kafka topic '" + options.topic() + "' was deleted and created again after it acknowledged the "
                    + "record: sent again to the new topic";
        } catch (UnknownTopicOrPartitionException gone) {
            lost = "Kafka topic '" + options.topic() + "' was deleted after it acknowledged the record";
        } catch (KafkaException unsure) {
            reason = looks.found(unsure, options);
            lost = "not confirmed whether the topic that acknowledged the record is still there: " + reason;
        }
        Failure failure = new Failure(lost, true, false);
        failures.replaceAll(f -> f == null ? failure : f);
        return reason;
    }

    @Override
    public String unavailable(RuntimeException failure) {
        if (!(failure instanceof KafkaException)) {
            return null;
        }
        try {
            return looks.recentOrNew(() -> lookAtTopic(options.apiTimeout()), options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * A look at the topic for whether it takes records. One that finds it gone tells the watch, and asks the producer
     * for the topic as a send would: on brokers that create the topics their clients ask for, that creates it again
     * (the look at the cluster does not), so that publishing, which sends nothing while it waits, does not wait for
     * ever; elsewhere it finds nothing within kafka.apiTimeout.
     */
    private void lookAtTopic(Duration timeout) throws InterruptedException {
        try {
            topic.describe(timeout);
        } catch (UnknownTopicOrPartitionException gone) {
            topic.gone();
            try {
                producer.partitionsFor(options.topic());
            } catch (KafkaException notCreated) {
                throw gone;
            }
        }
    }

    /** The topic's partitions now, for the health check; throws when the cluster cannot say. */
    public int partitionCount() throws InterruptedException {
        return topic.describe().partitions();
    }
}
