package io.github.txsim.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.txsim.publish.RecordSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every record of a topic, from its oldest (or from the offsets of a time), partition by partition with one
 * consumer that belongs to no group (it commits nothing), until each partition is read up to where it ended when the
 * reading began.
 */
public final class TopicReader implements RecordSource {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaOptions options;

    public TopicReader(KafkaOptions options) {
        this.options = options;
    }

    @Override
    public String destination() {
        return "Kafka topic '" + options.topic() + "'";
    }

    @Override
    public void read(Instant since, Consumer<byte[]> each) throws InterruptedException {
        Map<String, Object> config = new HashMap<>(options.clientConfig());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(options.topic()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("Kafka topic '" + options.topic() + "' does not exist at "
                        + options.bootstrapServers());
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            seek(consumer, partitions, since);
            ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            while (!ends.isEmpty()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
                    if (end != null && record.offset() < end) {
                        each.accept(record.value());
                    }
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
    }

    /** From the oldest record, or from the first whose timestamp is at {@code since} or later. */
    private static void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Instant since) {
        if (since == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(partition -> times.put(partition, since.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
    }
}
