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
        KafkaOptions reached = options;
        KafkaTopic topic = new KafkaTopic(reached, settings.local(), settings.broker().partitions());
        return new Connection(topic, "kafka-topic", health -> {
            health.detail("topic", reached.topic());
            health.detail("partitions", topic.partitionCount());
            health.up();
        }, () -> new TopicReader(reached));
    }

    /** The topic of kafka.bootstrapServers: a local broker lives only while the application runs. */
    @Override
    public RecordSource reader(CamelContext camel) {
        return new TopicReader(settings.withBrokers().options());
    }
}
