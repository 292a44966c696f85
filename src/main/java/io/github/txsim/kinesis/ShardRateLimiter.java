package io.github.txsim.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Keeps each shard of the stream within its write limits (by default Kinesis's 1,000 records/s and 1 MiB/s), so
 * that throttling is the exception rather than the control loop. Before a request goes out, its entries (user records,
 * or aggregated records) are counted against their shards ({@link ShardMap}) and the request waits until every shard
 * it touches has paid off the load counted before, so that no shard gets much more than its limits in any second;
 * {@code burst} lets requests go that much earlier (kinesis.rateLimit.burst).
 * <p>
 * Each shard is a generic cell rate algorithm (one "theoretical arrival time" per limit: when the load counted so far
 * is paid off at the steady rate), which needs no timer.
 */
public final class ShardRateLimiter {

    /** Waits, in nanoseconds; {@link Thread#sleep(long, int)} otherwise. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final ShardMap shardMap;
    private final double recordsPerSecond;
    private final double bytesPerSecond;
    private final long burstNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** Each shard's budget, by shard id; a shard closed by a reshard keeps its entry, a few bytes. */
    private final Map<String, ShardCell> cells = new HashMap<>();

    public ShardRateLimiter(ShardMap shardMap, double recordsPerSecond, double bytesPerSecond, Duration burst) {
        this(shardMap, recordsPerSecond, bytesPerSecond, burst, System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    ShardRateLimiter(ShardMap shardMap, double recordsPerSecond, double bytesPerSecond, Duration burst,
            LongSupplier nanoTime, Sleeper sleeper) {
        this.shardMap = shardMap;
        this.recordsPerSecond = recordsPerSecond;
        this.bytesPerSecond = bytesPerSecond;
        this.burstNanos = burst.toNanos();
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    /** Waits until the stream's shards have room for these request entries, and counts them. */
    public void acquire(List<PutRecordsRequestEntry> entries) throws InterruptedException {
        List<ShardMap.ShardRange> shards = shardMap.shards();
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            Map<String, long[]> load = new HashMap<>();
            for (PutRecordsRequestEntry entry : entries) {
                BigInteger hashKey = entry.explicitHashKey() != null ? new BigInteger(entry.explicitHashKey())
                        : ShardMap.hashKey(entry.partitionKey());
                long[] counts = load.computeIfAbsent(ShardMap.of(shards, hashKey).id(), shard -> new long[2]);
                counts[0]++;
                counts[1] += entry.data().asByteArrayUnsafe().length
                        + (long) entry.partitionKey().getBytes(StandardCharsets.UTF_8).length;
            }
            wait = 0;
            for (Map.Entry<String, long[]> shard : load.entrySet()) {
                wait = Math.max(wait, cells.computeIfAbsent(shard.getKey(), id -> new ShardCell())
                        .reserve(now, shard.getValue()[0], shard.getValue()[1]));
            }
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }

    /** How many shards the limiter knows (for tests and logs). */
    int shardCount() {
        return shardMap.shards().size();
    }

    /** One shard's two limits, each as the time at which its budget would be spent at the steady rate. */
    private final class ShardCell {
        private long recordsAt = Long.MIN_VALUE;
        private long bytesAt = Long.MIN_VALUE;

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
}
