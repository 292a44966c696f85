package io.github.txsim.kinesis;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Which shard of the stream a record goes to: the open shard whose hash-key range holds the record's hash key (the MD5
 * of its partition key, or its explicit hash key), as Kinesis finds it. The map comes from ListShards and is read
 * again every {@code refreshInterval}, or at once when a request shows the stream was resharded, so that the rate
 * limiter and aggregation follow a resharded stream.
 */
public final class ShardMap {

    /** One open shard and its hash-key range, both ends included. */
    public record ShardRange(String id, BigInteger from, BigInteger to) {

        /** A shard as ListShards describes it. */
        public static ShardRange of(Shard shard) {
            return new ShardRange(shard.shardId(), new BigInteger(shard.hashKeyRange().startingHashKey()),
                    new BigInteger(shard.hashKeyRange().endingHashKey()));
        }

        public boolean holds(BigInteger hashKey) {
            return hashKey.compareTo(from) >= 0 && hashKey.compareTo(to) <= 0;
        }
    }

    private final KinesisStream stream;
    private final long refreshNanos;
    private final LongSupplier nanoTime;
    private List<ShardRange> shards = List.of();
    private long readAt;

    public ShardMap(KinesisStream stream, Duration refreshInterval) {
        this(stream, refreshInterval, System::nanoTime);
    }

    ShardMap(KinesisStream stream, Duration refreshInterval, LongSupplier nanoTime) {
        this.stream = stream;
        this.refreshNanos = refreshInterval.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The open shards, read again when the last reading is older than the refresh interval. */
    public synchronized List<ShardRange> shards() {
        long now = nanoTime.getAsLong();
        if (shards.isEmpty() || now - readAt >= refreshNanos) {
            read(now);
        }
        return shards;
    }

    /** Reads the shards again now: a request found a record in a shard the map did not expect. */
    public synchronized List<ShardRange> refresh() {
        read(nanoTime.getAsLong());
        return shards;
    }

    private void read(long now) {
        List<ShardRange> open = new ArrayList<>();
        for (Shard shard : stream.openShards()) {
            open.add(ShardRange.of(shard));
        }
        shards = List.copyOf(open);
        readAt = now;
    }

    /** The shard of these that holds the hash key; the first one if none does (a map read mid-reshard). */
    public static ShardRange of(List<ShardRange> shards, BigInteger hashKey) {
        for (ShardRange shard : shards) {
            if (shard.holds(hashKey)) {
                return shard;
            }
        }
        return shards.get(0);
    }

    /** A partition key's hash key: the MD5 of its UTF-8 bytes, as an unsigned 128-bit number. */
    public static BigInteger hashKey(String partitionKey) {
        byte[] key = partitionKey.getBytes(StandardCharsets.UTF_8);
        return new BigInteger(1, md5(key, 0, key.length));
    }

    /** The MD5 of these bytes: how Kinesis hashes a partition key, and the KPL's aggregated-record trailer. */
    static byte[] md5(byte[] data, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(data, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
