package io.github.txsim.kinesis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import io.github.txsim.publish.RecordSource;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads every record of a stream, from its oldest (or from a time), shard by shard in parallel, until each shard is
 * read up to its tip. Each shard is read within Kinesis's read limits, 5 GetRecords calls a second and 2 MiB/s: a
 * call waits 200 ms after the answer to the one before it, and longer after a large answer. A throttled call is
 * retried with the SDK client's own back-off. Aggregated records are split into their user records.
 */
public final class StreamReader implements RecordSource {

    /** Kinesis allows 5 GetRecords calls per second per shard. */
    static final Duration MIN_INTERVAL = Duration.ofMillis(200);
    /** ... and 2 MiB/s per shard. */
    static final double BYTES_PER_SECOND = 2 * 1024 * 1024;
    private static final int RECORDS_PER_CALL = 10_000;
    private static final int MAX_THREADS = 16;

    private final KinesisClient client;
    private final String stream;

    public StreamReader(KinesisClient client, String stream) {
        this.client = client;
        this.stream = stream;
    }

    @Override
    public String destination() {
        return "Kinesis stream '" + stream + "'";
    }

    /**
     * Hands each record's data to {@code each} (which must be thread-safe: shards are read at once).
     *
     * @param since the first arrival time to read, or null for the oldest record
     */
    @Override
    public void read(Instant since, Consumer<byte[]> each) throws InterruptedException {
        List<Shard> shards = shards();
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_THREADS, shards.size())));
        try {
            List<Future<?>> reading = new ArrayList<>();
            for (Shard shard : shards) {
                reading.add(threads.submit(() -> {
                    readShard(shard, since, each);
                    return null;
                }));
            }
            for (Future<?> shard : reading) {
                try {
                    shard.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String next = null;
        do {
            ListShardsRequest.Builder request = ListShardsRequest.builder();
            if (next == null) {
                request.streamName(stream);
            } else {
                request.nextToken(next);
            }
            ListShardsResponse response = client.listShards(request.build());
            shards.addAll(response.shards());
            next = response.nextToken();
        } while (next != null);
        return shards;
    }

    /**
     * Reads one shard, splitting aggregated records (kinesis.aggregation=kpl) into the user records that belong to the
     * shard, as the KCL does.
     */
    private void readShard(Shard shard, Instant since, Consumer<byte[]> each) throws InterruptedException {
        ShardMap.ShardRange range = ShardMap.ShardRange.of(shard);
        String iterator = client.getShardIterator(b -> {
            b.streamName(stream).shardId(shard.shardId());
            if (since == null) {
                b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
            } else {
                b.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(since);
            }
        }).shardIterator();
        long wait = 0;
        while (iterator != null) {
            Thread.sleep(wait);
            String current = iterator;
            GetRecordsResponse response = client.getRecords(b -> b.shardIterator(current).limit(RECORDS_PER_CALL));
            long bytes = 0;
            for (Record record : response.records()) {
                KplAggregation.userRecords(record.data().asByteArrayUnsafe(), range).forEach(each);
                bytes += record.data().asByteArrayUnsafe().length;
            }
            boolean atTip = response.records().isEmpty()
                    && (response.millisBehindLatest() == null || response.millisBehindLatest() == 0);
            iterator = atTip ? null : response.nextShardIterator();
            // counted from the answer, not the call: the next call starts at least this long after the last one
            // ended, whatever the network's delays
            wait = Math.max(MIN_INTERVAL.toMillis(), (long) Math.ceil(bytes * 1000 / BYTES_PER_SECOND));
        }
    }
}
