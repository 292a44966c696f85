package io.github.txsim.kafka;

import io.github.txsim.publish.Destination;
import io.github.txsim.publish.RequestLimits;
import io.github.txsim.publish.RecordSource;
import org.apache.camel.CamelContext;

/** A Kafka topic ({@link KafkaTopic}), or the local broker's when {@code kafka.local.enabled}. */
final class KafkaDestination implements Destination {

    /**
     * A producer takes any number of records and batches them itself (kafka.batchSize, kafka.linger); a group holds
     * its records in memory until each is acknowledged, so its size is bounded all the same.
     */
    private static final int MAX_GROUP_RECORDS = 10_000;

    private final KafkaSettings settings;
    /** The cluster's options once reached: the local broker's address in local mode. */
    private KafkaOptions reached;

    KafkaDestination(KafkaSettings settings) {
        this.settings = settings;
    }

    @Override
    public RequestLimits requestLimits() {
        return new RequestLimits(MAX_GROUP_RECORDS);
    }

    @Override
    public boolean local() {
        return settings.local();
    }

    @Override
    public Connection connect(Context context) throws Exception {
        KafkaOptions options = settings.options();
        if (settings.local()) {
            KafkaSettings.LocalBroker local = settings.broker();
            KafkaBroker broker = KafkaBroker.startNew(new KafkaBroker.Options(local.folder(), local.port(),
                    local.partitions(), local.heap()));
            context.camel().addService(broker, true, true);
            options = options.at(broker.bootstrapServers());
        }
        reached = options;
        return connection(options, KafkaSettings.TOPIC.key());
    }

    /** The label events' topic ({@code kafka.labels.topic}) on the same cluster. */
    @Override
    public Connection connectAlso(Context context, String name) {
        if (reached == null) {
            throw new IllegalStateException("connect first");
        }
        return connection(reached.onTopic(name), KafkaSettings.LABELS_TOPIC.key());
    }

    private Connection connection(KafkaOptions options, String nameKey) {
        KafkaTopic topic = new KafkaTopic(options, nameKey, settings.local(), settings.broker().partitions());
        return new Connection(topic, "kafka-topic", health -> {
            health.detail("topic", options.topic());
            health.detail("partitions", topic.partitionCount());
            health.up();
        }, () -> new TopicReader(options));
    }

    /** The topic of kafka.bootstrapServers: a local broker lives only while the application runs. */
    @Override
    public RecordSource reader(CamelContext camel) {
        return new TopicReader(settings.withBrokers().options());
    }
}
