package io.github.txsim.verification;

import java.time.Instant;
import java.util.function.Consumer;

/** What verification reads back: every record of a Kinesis stream or a Kafka topic, from its oldest or from a time. */
public interface RecordSource {

    /**
     * Hands each record's data to {@code each}, which must be thread-safe (a source may read its shards or partitions
     * at once), until the source is read up to where it stood when the reading began.
     *
     * @param since the first arrival time to read, or null for the oldest record
     */
    void read(Instant since, Consumer<byte[]> each) throws InterruptedException;
}
