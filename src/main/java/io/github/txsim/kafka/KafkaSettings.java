package io.github.txsim.kafka;

import java.nio.file.Path;

import io.github.txsim.settings.Settings;

/**
 * The Kafka destination's settings ({@code kafka.*}, for {@code publish.sink=kafka}), read and checked once at start-up.
 *
 * @param local   whether to start a local broker and publish there (then kafka.bootstrapServers is its address)
 * @param options the client's options; with a local broker, its address is set once the broker has started
 * @param bootstrapServers kafka.bootstrapServers, the brokers outside local mode (and for {@code verify})
 */
record KafkaSettings(boolean local, LocalBroker broker, KafkaOptions options, String bootstrapServers) {

    static final String TOPIC = "kafka.topic";
    /** Stands for the local broker's address until it has started. */
    private static final String LOCAL_BROKER = "127.0.0.1:0";

    /** The local broker (kafka.local.*). */
    record LocalBroker(Path folder, int port, int partitions, String heap) {
    }

    static KafkaSettings read(Settings settings) {
        boolean local = settings.flag("kafka.local.enabled");
        return new KafkaSettings(local,
                new LocalBroker(Path.of(settings.text("kafka.local.folder")),
                        settings.integer("kafka.local.port", 0, 65535),
                        settings.integer("kafka.local.partitions", 1, 1000), settings.text("kafka.local.heap")),
                options(settings, local ? LOCAL_BROKER : null), settings.optionalText("kafka.bootstrapServers"));
    }

    /** The client's options; {@code bootstrapServers} overrides kafka.bootstrapServers (the local broker's). */
    static KafkaOptions options(Settings settings, String bootstrapServers) {
        return new KafkaOptions(bootstrapServers != null ? bootstrapServers
                : settings.optionalText("kafka.bootstrapServers"), settings.text(TOPIC),
                settings.text("kafka.compression"), settings.duration("kafka.linger"),
                settings.integer("kafka.batchSize", 1, 64 * 1024 * 1024), settings.duration("kafka.deliveryTimeout"),
                settings.duration("kafka.apiTimeout"),
                new KafkaOptions.Security(settings.text("kafka.security.protocol"),
                        settings.optionalText("kafka.security.saslMechanism"),
                        settings.optionalText("kafka.security.username"),
                        settings.optionalText("kafka.security.password"),
                        settings.optionalText("kafka.security.truststoreLocation"),
                        settings.optionalText("kafka.security.truststorePassword")));
    }
}
