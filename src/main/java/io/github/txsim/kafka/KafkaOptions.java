package io.github.txsim.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How to reach the Kafka cluster and what the producer does ({@code kafka.*}), checked when made: the one place where
 * the application's settings become Kafka client configuration.
 *
 * @param bootstrapServers host:port pairs, comma-separated
 * @param compression      none, gzip, snappy, lz4 or zstd
 * @param linger           how long the producer waits to fill a batch
 * @param batchSize        the most bytes of one partition's batch
 * @param deliveryTimeout  how long the producer itself retries one send (its delivery.timeout.ms) before the
 *                         publisher's retry policy takes the record over
 * @param apiTimeout       how long a look at the cluster (the topic described or created, at start and while the
 *                         cluster is out of reach) waits for an answer
 */
public record KafkaOptions(String bootstrapServers, String topic, String compression, Duration linger, int batchSize,
        Duration deliveryTimeout, Duration apiTimeout, Security security) {

    static final List<String> COMPRESSIONS = List.of("none", "gzip", "snappy", "lz4", "zstd");
    static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    /** The SASL mechanisms offered: SCRAM with a user name and password, or Amazon MSK's IAM authentication. */
    static final List<String> MECHANISMS = List.of("SCRAM-SHA-512", "SCRAM-SHA-256", "AWS_MSK_IAM");
    private static final String MSK_IAM = "AWS_MSK_IAM";

    /**
     * The connection's security ({@code kafka.security.*}).
     *
     * @param protocol           PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
     * @param saslMechanism      SCRAM-SHA-512, SCRAM-SHA-256 or AWS_MSK_IAM; empty without SASL
     * @param truststoreLocation a trust store for the brokers' certificates; empty for the JVM's own (enough for MSK)
     */
    public record Security(String protocol, String saslMechanism, String username, String password,
            String truststoreLocation, String truststorePassword) {

        /** Each value is checked where it is read ({@link KafkaSettings}); here, how they stand to each other. */
        public Security {
            boolean sasl = protocol.startsWith("SASL_");
            if (sasl) {
                if (saslMechanism.isEmpty()) {
                    throw new IllegalArgumentException("kafka.security.saslMechanism must be set for " + protocol
                            + ": " + String.join(", ", MECHANISMS));
                }
                if (!saslMechanism.equals(MSK_IAM) && (username.isEmpty() || password.isEmpty())) {
                    throw new IllegalArgumentException("kafka.security.username and kafka.security.password must "
                            + "be set for " + saslMechanism);
                }
            } else if (!saslMechanism.isEmpty()) {
                throw new IllegalArgumentException("kafka.security.saslMechanism (" + saslMechanism + ") needs "
                        + "kafka.security.protocol SASL_SSL or SASL_PLAINTEXT, was " + protocol);
            }
        }

        /** PLAINTEXT, as the local broker is. */
        public static Security plaintext() {
            return new Security("PLAINTEXT", "", "", "", "", "");
        }

        void addTo(Map<String, Object> config) {
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
            if (!truststoreLocation.isEmpty()) {
                config.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
                config.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            }
            if (saslMechanism.equals(MSK_IAM)) {
                // aws-msk-iam-auth signs with the AWS default credentials chain, as the Kinesis client does
                config.put(SaslConfigs.SASL_MECHANISM, MSK_IAM);
                config.put(SaslConfigs.SASL_JAAS_CONFIG, "software.amazon.msk.auth.iam.IAMLoginModule required;");
                config.put(SaslConfigs.SASL_CLIENT_CALLBACK_HANDLER_CLASS,
                        "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
            } else if (!saslMechanism.isEmpty()) {
                config.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
                config.put(SaslConfigs.SASL_JAAS_CONFIG, String.format(
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" "
                                + "password=\"%s\";", quoted(username), quoted(password)));
            }
        }

        private static String quoted(String value) {
            return value.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        @Override
        public String toString() {
            return protocol + (saslMechanism.isEmpty() ? "" : " " + saslMechanism);
        }
    }

    /** Each value is checked where it is read ({@link KafkaSettings}); here, how they stand to each other. */
    public KafkaOptions {
        if (deliveryTimeout.compareTo(linger.plusSeconds(1)) < 0) {
            throw new IllegalArgumentException("kafka.deliveryTimeout (" + deliveryTimeout.toMillis() + "ms) must be "
                    + "at least kafka.linger (" + linger.toMillis() + "ms) plus 1s");
        }
    }

    /** The same options for another topic of the cluster. */
    KafkaOptions onTopic(String name) {
        return new KafkaOptions(bootstrapServers, name, compression, linger, batchSize, deliveryTimeout, apiTimeout,
                security);
    }

    /** The same options for the brokers at this address (a local broker's, once started). */
    KafkaOptions at(String servers) {
        return new KafkaOptions(servers, topic, compression, linger, batchSize, deliveryTimeout, apiTimeout, security);
    }

    /**
     * What every client of the cluster needs: where it is and how to connect. Client telemetry (KIP-714: the client's
     * metrics pushed to brokers that ask for them) is off: the application has its own metrics, and the runnable jar
     * leaves out the shaded OpenTelemetry classes it takes.
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.ENABLE_METRICS_PUSH_CONFIG, false);
        security.addTo(config);
        return config;
    }

    /**
     * The producer: idempotent (acks=all, enable.idempotence, at most 5 requests in flight, so the client's own
     * retries neither lose nor repeat nor reorder a record), retrying one send for deliveryTimeout at most, taking
     * requests (and so records) of up to {@code maxRequestSize} bytes.
     */
    Map<String, Object> producerConfig(int maxRequestSize) {
        Map<String, Object> config = clientConfig();
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestSize);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
        int deliveryMillis = (int) deliveryTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMillis);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, deliveryMillis - (int) linger.toMillis()));
        // how long a send may wait for the topic's metadata (or for room in the producer's buffer): as long as a look
        // at the cluster, so that a topic gone or brokers out of reach surface as a look would find them
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) apiTimeout.toMillis());
        return config;
    }
}
