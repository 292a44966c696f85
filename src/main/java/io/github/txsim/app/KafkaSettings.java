package io.github.txsim.app;

import java.nio.file.Path;

import io.github.txsim.kafka.KafkaOptions;

/**
 * The Kafka sink's settings ({@code kafka.*}, for {@code publish.sink=kafka}), read once at start-up.
 *
 * @param local whether to start a local broker and publish there (then kafka.bootstrapServers is its address)
 */
record KafkaSettings(String topic, boolean local, LocalBroker broker) {

    /** The local broker (kafka.local.*). */
    record LocalBroker(Path folder, int port, int partitions, String heap) {
    }

    static KafkaSettings read(AppProperties properties) {
        return new KafkaSettings(properties.text("kafka.topic"), properties.flag("kafka.local.enabled"),
                new LocalBroker(Path.of(properties.text("kafka.local.folder")),
                        properties.integer("kafka.local.port", 0, 65535),
                        properties.integer("kafka.local.partitions", 1, 1000), properties.text("kafka.local.heap")));
    }

    /** The client's options; {@code bootstrapServers} overrides kafka.bootstrapServers (the local broker's). */
    static KafkaOptions options(AppProperties properties, String bootstrapServers) {
        return new KafkaOptions(bootstrapServers != null ? bootstrapServers
                : properties.optionalText("kafka.bootstrapServers"), properties.text("kafka.topic"),
                properties.text("kafka.compression"), properties.duration("kafka.linger"),
                properties.integer("kafka.batchSize", 1, 64 * 1024 * 1024), properties.duration("kafka.deliveryTimeout"),
                properties.duration("kafka.apiTimeout"),
                new KafkaOptions.Security(properties.text("kafka.security.protocol"),
                        properties.optionalText("kafka.security.saslMechanism"),
                        properties.optionalText("kafka.security.username"),
                        properties.optionalText("kafka.security.password"),
                        properties.optionalText("kafka.security.truststoreLocation"),
                        properties.optionalText("kafka.security.truststorePassword")));
    }
}
