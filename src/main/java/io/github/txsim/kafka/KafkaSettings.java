package io.github.txsim.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/**
 * The Kafka destination's settings ({@code kafka.*}, for {@code publish.sink=kafka}), each declared here and read
 * once at start-up; how they stand to each other is {@link KafkaOptions}'s to check.
 *
 * @param local   whether to start a local broker and publish there (then its address replaces kafka.bootstrapServers)
 * @param options the client's options, with kafka.bootstrapServers (empty when not set)
 */
record KafkaSettings(boolean local, LocalBroker broker, KafkaOptions options) {

    static final Setting<String> TOPIC = Setting.text("kafka.topic");
    static final Setting<String> LABELS_TOPIC = Setting.text("kafka.labels.topic");
    static final Setting<String> BOOTSTRAP_SERVERS = Setting.optionalText("kafka.bootstrapServers");
    static final Setting<String> COMPRESSION = Setting.oneOf("kafka.compression", KafkaOptions.COMPRESSIONS);
    static final Setting<Duration> LINGER = Setting.duration("kafka.linger");
    static final Setting<Integer> BATCH_SIZE = Setting.integer("kafka.batchSize", 1, 64 * 1024 * 1024);
    static final Setting<Duration> DELIVERY_TIMEOUT = Setting.duration("kafka.deliveryTimeout");
    static final Setting<Duration> API_TIMEOUT = Setting.duration("kafka.apiTimeout")
            .where(timeout -> timeout.compareTo(Duration.ofSeconds(1)) >= 0, "at least 1s");
    static final Setting<String> PROTOCOL = Setting.oneOf("kafka.security.protocol", KafkaOptions.PROTOCOLS);
    static final Setting<String> SASL_MECHANISM = Setting.oneOf("kafka.security.saslMechanism",
            KafkaOptions.MECHANISMS).orBlank("");
    static final Setting<String> USERNAME = Setting.optionalText("kafka.security.username");
    static final Setting<String> PASSWORD = Setting.optionalText("kafka.security.password");
    static final Setting<String> TRUSTSTORE = Setting.optionalText("kafka.security.truststoreLocation");
    static final Setting<String> TRUSTSTORE_PASSWORD = Setting.optionalText("kafka.security.truststorePassword");
    static final Setting<Boolean> LOCAL = Setting.flag("kafka.local.enabled");
    static final Setting<String> LOCAL_FOLDER = Setting.text("kafka.local.folder");
    static final Setting<Integer> LOCAL_PORT = Setting.integer("kafka.local.port", 0, 65535);
    static final Setting<Integer> LOCAL_PARTITIONS = Setting.integer("kafka.local.partitions", 1, 1000);
    static final Setting<String> LOCAL_HEAP = Setting.text("kafka.local.heap");
    static final List<Setting<?>> SETTINGS = List.of(TOPIC, LABELS_TOPIC, BOOTSTRAP_SERVERS, COMPRESSION, LINGER, BATCH_SIZE,
            DELIVERY_TIMEOUT, API_TIMEOUT, PROTOCOL, SASL_MECHANISM, USERNAME, PASSWORD, TRUSTSTORE,
            TRUSTSTORE_PASSWORD, LOCAL, LOCAL_FOLDER, LOCAL_PORT, LOCAL_PARTITIONS, LOCAL_HEAP);

    /** The local broker (kafka.local.*). */
    record LocalBroker(Path folder, int port, int partitions, String heap) {
    }

    static KafkaSettings read(Settings settings) {
        boolean local = settings.get(LOCAL);
        KafkaSettings read = new KafkaSettings(local, new LocalBroker(Path.of(settings.get(LOCAL_FOLDER)),
                settings.get(LOCAL_PORT), settings.get(LOCAL_PARTITIONS), settings.get(LOCAL_HEAP)),
                options(settings));
        return local ? read : read.withBrokers();
    }

    static KafkaOptions options(Settings settings) {
        return new KafkaOptions(settings.get(BOOTSTRAP_SERVERS), settings.get(TOPIC), settings.get(COMPRESSION),
                settings.get(LINGER), settings.get(BATCH_SIZE), settings.get(DELIVERY_TIMEOUT),
                settings.get(API_TIMEOUT), new KafkaOptions.Security(settings.get(PROTOCOL),
                        settings.get(SASL_MECHANISM), settings.get(USERNAME), settings.get(PASSWORD),
                        settings.get(TRUSTSTORE), settings.get(TRUSTSTORE_PASSWORD)));
    }

    /**
     * These settings, checked to name the brokers (kafka.bootstrapServers): outside local mode, and for {@code verify}.
     *
     * @throws IllegalArgumentException when kafka.bootstrapServers is not set
     */
    KafkaSettings withBrokers() {
        if (options.bootstrapServers().isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrapServers is not set: name the brokers (host:port, "
                    + "comma-separated; MSK's bootstrap brokers), or set kafka.local.enabled=true");
        }
        return this;
    }
}
