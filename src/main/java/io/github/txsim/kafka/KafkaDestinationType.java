package io.github.txsim.kafka;

import java.util.List;

import io.github.txsim.publish.Destination;
import io.github.txsim.publish.DestinationType;
import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/** {@code publish.sink=kafka}: a Kafka topic, such as one of Amazon MSK ({@link KafkaDestination}). */
public final class KafkaDestinationType implements DestinationType {

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String nameKey() {
        return KafkaSettings.TOPIC.key();
    }

    @Override
    public String labelsNameKey() {
        return KafkaSettings.LABELS_TOPIC.key();
    }

    @Override
    public List<Setting<?>> settings() {
        return KafkaSettings.SETTINGS;
    }

    @Override
    public Destination configure(Settings settings) {
        return new KafkaDestination(KafkaSettings.read(settings));
    }
}
