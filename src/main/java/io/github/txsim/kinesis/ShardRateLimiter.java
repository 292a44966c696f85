package io.github.txsim.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.github.txsim.rows.TransactionRecord;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Keeps each shard of the stream within its write limits (by default Kinesis's 1,000 records/s and 1 MiB/s), so
 * that throttling is the exception rather than the control loop. Before a request goes out, the records are counted
 * against their shards (the shard whose hash-key range holds the MD5 of the partition key) and the request waits
 * until every shard it touches has paid off the load counted before, so that no shard gets much more than its
 * limits in any second; {@code burst} lets requests go that much earlier (publish.rateLimit.burst).
 * <p>
 * Each shard is a generic cell rate algorithm (one "theoretical arrival time" per limit: when the load counted so far
 * is paid off at the steady rate), which needs no timer. The
 * shard map comes from ListShards and is read again every {@code refreshInterval}, so a resharded stream is followed.
 */
public final class ShardRateLimiter {

    /** Waits, in nanoseconds; {@link Thread#sleep(long, int)} otherwise. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final KinesisStream stream;
    private final double recordsPerSecond;
    private final double bytesPerSecond;
    private final long burstNanos;
    private final long refreshNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private List<ShardCell> shards = List.of();
    private long refreshedAt;

    public ShardRateLimiter(KinesisStream stream, double recordsPerSecond, double bytesPerSecond, Duration burst,
            Duration refreshInterval) {
        this(stream, recordsPerSecond, bytesPerSecond, burst, refreshInterval, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    ShardRateLimiter(KinesisStream stream, double recordsPerSecond, double bytesPerSecond, Duration burst,
            Duration refreshInterval, LongSupplier nanoTime, Sleeper sleeper) {
        this.stream = stream;
        this.recordsPerSecond = recordsPerSecond;
        this.bytesPerSecond = bytesPerSecond;
        this.burstNanos = burst.toNanos();
        this.refreshNanos = refreshInterval.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Waits until the stream's shards have room for these records, and counts them. */
    public void acquire(List<TransactionRecord> records) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (shards.isEmpty() || now - refreshedAt >= refreshNanos) {
                shards = readShards();
                refreshedAt = now;
            }
            Map<ShardCell, long[]> load = new HashMap<>();
            for (TransactionRecord record : records) {
                long[] counts = load.computeIfAbsent(shardOf(record.partitionKey()), shard -> new long[2]);
                counts[0]++;
                counts[1] += record.size();
            }
            wait = 0;
            for (Map.Entry<ShardCell, long[]> shard : load.entrySet()) {
                wait = Math.max(wait, shard.getKey().reserve(now, shard.getValue()[0], shard.getValue()[1]));
            }
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }

    /** How many shards the limiter knows (for tests and logs). */
    synchronized int shardCount() {
        return shards.size();
    }

    private List<ShardCell> readShards() {
        List<ShardCell> cells = new ArrayList<>();
        for (Shard shard : stream.openShards()) {
            ShardCell known = shards.stream().filter(c -> c.id.equals(shard.shardId())).findFirst().orElse(null);
            cells.add(known != null ? known : new ShardCell(shard.shardId(),
                    new BigInteger(shard.hashKeyRange().startingHashKey()),
                    new BigInteger(shard.hashKeyRange().endingHashKey())));
        }
        return cells;
    }

    /** The shard whose hash-key range holds the MD5 of the partition key, as Kinesis finds it. */
    private ShardCell shardOf(String partitionKey) {
        BigInteger hashKey = new BigInteger(1, md5(partitionKey));
        for (ShardCell shard : shards) {
            if (hashKey.compareTo(shard.from) >= 0 && hashKey.compareTo(shard.to) <= 0) {
                return shard;
            }
        }
        return shards.get(0);
    }

    /** One shard's two limits, each as the time at which its budget would be spent at the steady rate. */
    private final class ShardCell {
        private final String id;
        private final BigInteger from;
        private final BigInteger to;
        private long recordsAt = Long.MIN_VALUE;
        private long bytesAt = Long.MIN_VALUE;

        ShardCell(String id, BigInteger from, BigInteger to) {
            this.id = id;
            this.from = from;
            this.to = to;
        }

        /**
         * Counts the load and returns how long to wait before sending it: until the load counted before it is paid
         * off, so each request starts its own share of the second and its round trip overlaps that share.
         */
        long reserve(long now, long records, long bytes) {
            long recordsStart = Math.max(recordsAt, now);
            long bytesStart = Math.max(bytesAt, now);
            recordsAt = recordsStart + (long) (records * 1e9 / recordsPerSecond);
            bytesAt = bytesStart + (long) (bytes * 1e9 / bytesPerSecond);
            return Math.max(0, Math.max(recordsStart, bytesStart) - now - burstNanos);
        }
    }

    private static byte[] md5(String partitionKey) {
        try {
            return MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
