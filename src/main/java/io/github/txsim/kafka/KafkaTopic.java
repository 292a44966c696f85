package io.github.txsim.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RetriableException;
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
 * <p>
 * On start it checks that the topic exists; when {@code createIfMissing} is set (local mode only) it creates a missing
 * topic first. When every record of a pass timed out or lost its connection, the pass fails as a whole, so that
 * publishing looks at the cluster ({@link #unavailable}) and waits for it rather than spend the records' retry time.
 */
public final class KafkaTopic extends ServiceSupport implements Sink {

    /**
     * The producer's max.request.size and the brokers' message.max.bytes are 1 MiB by default (MSK's too); a record
     * takes some bytes of its batch's headers besides its own.
     */
    public static final RecordLimits LIMITS = new RecordLimits(1024 * 1024 - 1024, Integer.MAX_VALUE, "Kafka");
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopic.class);

    private final KafkaOptions options;
    private final boolean createIfMissing;
    private final int partitionsIfCreated;
    private KafkaProducer<String, byte[]> producer;
    private Admin admin;

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
        return LIMITS;
    }

    @Override
    protected void doStart() throws Exception {
        admin = Admin.create(options.clientConfig());
        checkTopic();
        producer = new KafkaProducer<>(options.producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    private void checkTopic() throws InterruptedException {
        try {
            int partitions = partitions();
            LOG.info("Kafka topic '{}' at {} has {} partition(s) ({})", options.topic(), options.bootstrapServers(),
                    partitions, options.security());
        } catch (UnknownTopicOrPartitionException e) {
            if (!createIfMissing) {
                throw new IllegalStateException(String.format("Kafka topic '%s' does not exist at %s: create it, or "
                        + "set kafka.topic", options.topic(), options.bootstrapServers()));
            }
            LOG.info("Creating Kafka topic '{}' with {} partition(s)", options.topic(), partitionsIfCreated);
            await(admin.createTopics(List.of(new NewTopic(options.topic(), partitionsIfCreated, (short) 1))).all());
        } catch (KafkaException e) {
            throw new IllegalStateException(String.format("Cannot reach Kafka at %s: %s", options.bootstrapServers(),
                    e.getMessage()), e);
        }
    }

    private int partitions() throws InterruptedException {
        return await(admin.describeTopics(Set.of(options.topic())).allTopicNames()).get(options.topic())
                .partitions().size();
    }

    /** The admin client's answer; its failure as the KafkaException it is, a timeout as one too. */
    private <T> T await(Future<T> answer) throws InterruptedException {
        try {
            return answer.get(options.apiTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof KafkaException kafka ? kafka : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.apache.kafka.common.errors.TimeoutException("no answer within "
                    + options.apiTimeout().toSeconds() + " s (kafka.apiTimeout)");
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
    }

    @Override
    public void send(List<PendingRecord> records, Answers answers) throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        for (PendingRecord pending : records) {
            sends.add(producer.send(new ProducerRecord<>(options.topic(), pending.record().partitionKey(),
                    pending.record().data())));
        }
        List<Failure> failures = new ArrayList<>(records.size());
        int cutOff = 0;
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
                failures.add(null);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof org.apache.kafka.common.errors.TimeoutException
                        || cause instanceof NetworkException) {
                    cutOff++;
                }
                failures.add(new Failure(cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                        cause instanceof RetriableException, false));
            }
        }
        if (cutOff == records.size() && !records.isEmpty()) {
            throw new KafkaException(String.format("none of %d records reached %s: %s", records.size(),
                    destination(), failures.get(0).error()));
        }
        answers.answered(records, failures);
    }

    @Override
    public String unavailable(RuntimeException failure) {
        if (!(failure instanceof KafkaException)) {
            return null;
        }
        try {
            partitions();
            return null;
        } catch (UnknownTopicOrPartitionException e) {
            return String.format("Kafka topic '%s' does not exist (any longer) at %s: create it again, or set "
                    + "kafka.topic to the topic to use and restart", options.topic(), options.bootstrapServers());
        } catch (KafkaException e) {
            return String.format("Cannot reach Kafka at %s (%s): check the brokers, the network path to them "
                    + "(security groups, DNS) and kafka.security.*, or in local mode whether the broker still runs",
                    options.bootstrapServers(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The topic's partitions now, for the health check; throws when the cluster cannot say. */
    public int partitionCount() throws InterruptedException {
        return partitions();
    }
}
