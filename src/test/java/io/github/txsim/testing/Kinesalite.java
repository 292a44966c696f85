package io.github.txsim.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.github.txsim.kinesis.KinesisEmulator;
import org.apache.camel.component.aws2.kinesis.Kinesis2Configuration;
import org.apache.camel.component.aws2.kinesis.client.KinesisClientFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;
import software.amazon.kinesis.retrieval.AggregatorUtil;
import software.amazon.kinesis.retrieval.KinesisClientRecord;

/**
 * A real kinesalite process for a test class (register it as a static {@code @RegisterExtension} field), started on
 * a free loopback port, with a client to set up streams and read back everything that arrived.
 */
public final class Kinesalite implements BeforeAllCallback, AfterAllCallback {

    private static final String COMPONENT_PREFIX = "camel.component.aws2-kinesis.";

    private KinesisEmulator emulator;
    private KinesisClient client;
    private KinesisWaiter waiter;

    /** One record as a consumer sees it. */
    public record ReceivedRecord(String shardId, String partitionKey, String data) {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = KinesisEmulator.startNew(new KinesisEmulator.Options(Path.of("emulator"), "node", 0, 100));
        client = KinesisClientFactory.getKinesisClient(configure(new Kinesis2Configuration()));
        waiter = KinesisWaiter.builder().client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50)))
                        .waitTimeout(Duration.ofSeconds(30))
                        .build())
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (waiter != null) {
            waiter.close();
        }
        if (client != null) {
            client.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** The application properties that point camel-aws2-kinesis at this emulator. */
    public Map<String, String> componentProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        emulator.componentOptions().forEach((option, value) -> properties.put(COMPONENT_PREFIX + option, value));
        return properties;
    }

    /** Points a camel-aws2-kinesis configuration (a component's, say) at this emulator. */
    public Kinesis2Configuration configure(Kinesis2Configuration configuration) {
        Map<String, String> options = emulator.componentOptions();
        configuration.setRegion(options.get("region"));
        configuration.setOverrideEndpoint(Boolean.parseBoolean(options.get("overrideEndpoint")));
        configuration.setUriEndpointOverride(options.get("uriEndpointOverride"));
        configuration.setUseDefaultCredentialsProvider(false);
        configuration.setAccessKey(options.get("accessKey"));
        configuration.setSecretKey(options.get("secretKey"));
        configuration.setCborEnabled(Boolean.parseBoolean(options.get("cborEnabled")));
        // kinesalite speaks JSON only; the SDK reads this switch from a system property
        System.setProperty("aws.cborEnabled", options.get("cborEnabled"));
        return configuration;
    }

    public KinesisClient client() {
        return client;
    }

    /** The emulator's endpoint, for a proxy placed in front of it. */
    public String endpoint() {
        return emulator.endpoint();
    }

    public void createStream(String name, int shards) {
        client.createStream(b -> b.streamName(name).shardCount(shards));
        waiter.waitUntilStreamExists(b -> b.streamName(name));
    }

    public void deleteStream(String name) {
        client.deleteStream(b -> b.streamName(name));
        waiter.waitUntilStreamNotExists(b -> b.streamName(name));
    }

    /** How many Kinesis records the stream holds, an aggregated record counted once. */
    public long storedRecords(String stream) {
        long[] stored = {0};
        eachPage(stream, (shard, records) -> stored[0] += records.size());
        return stored[0];
    }

    /**
     * Every user record in the stream, shard by shard, from the oldest, as a consumer built on the KCL sees them: an
     * aggregated record (kinesis.aggregation=kpl) split by the KCL's own de-aggregation, which keeps only the user
     * records that belong to the shard it was read from.
     */
    public List<ReceivedRecord> readAll(String stream) {
        List<ReceivedRecord> received = new ArrayList<>();
        AggregatorUtil kcl = new AggregatorUtil();
        eachPage(stream, (shard, records) -> {
            for (KinesisClientRecord record : kcl.deaggregate(records.stream().map(KinesisClientRecord::fromRecord)
                    .toList(), shard.hashKeyRange().startingHashKey(), shard.hashKeyRange().endingHashKey())) {
                received.add(new ReceivedRecord(shard.shardId(), record.partitionKey(),
                        StandardCharsets.UTF_8.decode(record.data()).toString()));
            }
        });
        return received;
    }

    /** The data of every user record in the stream, as {@link #readAll} finds them. */
    public List<String> dataOf(String stream) {
        return readAll(stream).stream().map(ReceivedRecord::data).toList();
    }

    /** Reads every shard of the stream from its oldest record, a page of records at a time. */
    private void eachPage(String stream, BiConsumer<Shard, List<Record>> each) {
        for (Shard shard : client.listShards(b -> b.streamName(stream)).shards()) {
            String iterator = client.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            while (iterator != null) {
                String current = iterator;
                GetRecordsResponse response = client.getRecords(b -> b.shardIterator(current).limit(10_000));
                each.accept(shard, response.records());
                iterator = response.records().isEmpty() ? null : response.nextShardIterator();
            }
        }
    }
}
