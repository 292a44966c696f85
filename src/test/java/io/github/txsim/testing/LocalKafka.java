package io.github.txsim.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.kafka.KafkaOptions;
import io.github.txsim.kafka.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A real Kafka broker (one KRaft node, the build's emulator/kafka) on a loopback port for the tests of a class, with
 * what a test needs of it: topics, the settings that point the application at it, and every record of a topic read
 * back.
 */
public final class LocalKafka implements BeforeAllCallback, AfterAllCallback {

    private final boolean autoCreateTopics;
    private KafkaBroker broker;

    /** A broker that creates no topic but those asked for by name (as MSK's brokers by default). */
    public LocalKafka() {
        this(false);
    }

    /** @param autoCreateTopics whether the broker creates a topic a client asks for (Apache Kafka's default) */
    public LocalKafka(boolean autoCreateTopics) {
        this.autoCreateTopics = autoCreateTopics;
    }

    /** The SCRAM-SHA-512 user of the broker's SCRAM listener. */
    public static final String SCRAM_USER = "producer";
    public static final String SCRAM_PASSWORD = "secret-of-the-test";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = KafkaBroker.startNew(new KafkaBroker.Options(Path.of("emulator", "kafka"), 0, 2, "384m",
                autoCreateTopics, true));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SCRAM_USER,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), SCRAM_PASSWORD))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null) {
            broker.close();
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The settings that send the application's records to this broker's topic as the SCRAM user, with a password. */
    public Map<String, String> scramProperties(String topic, String password) {
        return Map.of("publish.sink", "kafka", "kafka.local.enabled", "false",
                "kafka.bootstrapServers", broker.scramBootstrapServers(), "kafka.topic", topic,
                "kafka.security.protocol", "SASL_PLAINTEXT", "kafka.security.saslMechanism", "SCRAM-SHA-512",
                "kafka.security.username", SCRAM_USER, "kafka.security.password", password);
    }

    /** The settings that send the application's records to this broker's topic. */
    public Map<String, String> applicationProperties(String topic) {
        return Map.of("publish.sink", "kafka", "kafka.local.enabled", "false",
                "kafka.bootstrapServers", bootstrapServers(), "kafka.topic", topic);
    }

    public void createTopic(String name, int partitions) throws Exception {
        createTopic(name, partitions, Map.of());
    }

    /** A topic with settings of its own, such as {@code max.message.bytes}. */
    public void createTopic(String name, int partitions, Map<String, String> configs) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** Creates the topic unless it exists (a producer may create it meanwhile, on a broker that lets it). */
    public void createTopicIfMissing(String name, int partitions) throws Exception {
        try {
            createTopic(name, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /**
     * Deletes the topic under a running application, as an operator would: the application held still (SIGSTOP) while
     * what the topic holds is read and the topic goes, then let go on. Returns what the topic held before it went.
     */
    public List<ReceivedRecord> deleteUnder(ApplicationProcess application, String topic) throws Exception {
        application.signal("STOP");
        try {
            // the requests it sent before it stopped are answered first
            long[] seen = {-1};
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                long now = readAll(topic).size();
                boolean settled = now == seen[0];
                seen[0] = now;
                return settled;
            });
            List<ReceivedRecord> before = readAll(topic);
            deleteTopic(topic);
            await().atMost(Duration.ofSeconds(30)).until(() -> !hasTopic(topic));
            return before;
        } finally {
            application.signal("CONT");
        }
    }

    public void deleteTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Whether the topic exists now. */
    public boolean hasTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(name);
        }
    }

    /** One record as a consumer sees it. */
    public record ReceivedRecord(int partition, String key, String value) {
    }

    /** Every record of the topic, partition by partition, read by a consumer of no group. */
    public List<ReceivedRecord> readAll(String topic) {
        List<ReceivedRecord> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers(), "enable.auto.commit", false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.offset() < ends.get(new TopicPartition(topic, r.partition()))) {
                        records.add(new ReceivedRecord(r.partition(), r.key(), r.value()));
                    }
                });
            }
        }
        return records;
    }

    /** How many times each transaction id arrived in the topic. */
    public Map<Long, Integer> arrivals(String topic) throws Exception {
        return arrivals(readAll(topic));
    }

    /** How many times each transaction id is among the records. */
    public static Map<Long, Integer> arrivals(List<ReceivedRecord> records) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<Long, Integer> arrivals = new HashMap<>();
        for (ReceivedRecord record : records) {
            arrivals.merge(json.readTree(record.value()).get("TRANSACTION_ID").asLong(), 1, Integer::sum);
        }
        return arrivals;
    }

    public KafkaOptions options(String topic) {
        return new KafkaOptions(bootstrapServers(), topic, "none", Duration.ofMillis(5), 16384, Duration.ofSeconds(10),
                Duration.ofSeconds(20), KafkaOptions.Security.plaintext());
    }

    /** Stops the broker at once, as a crash would. */
    public void kill() throws InterruptedException {
        broker.kill();
    }

    /** Starts it again on the same port with the same data. */
    public void restart() throws Exception {
        broker.restart();
    }
}
