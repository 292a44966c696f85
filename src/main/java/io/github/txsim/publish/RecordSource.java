package io.github.txsim.publish;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * What verification reads back: every record of a destination (a Kinesis stream, a Kafka topic, a folder of JSON Lines
 * files), from its oldest or from a time.
 */
public interface RecordSource {

    /** The destination, as messages name it: {@code Kinesis stream 'transactions'}. */
    String destination();

    /**
     * Hands each record's data to {@code each}, which must be thread-safe (a source may read its shards or partitions
     * at once), until the source is read up to where it stood when the reading began.
     *
     * @param since the first arrival time to read, or null for the oldest record
     */
    void read(Instant since, Consumer<byte[]> each) throws InterruptedException;
}
