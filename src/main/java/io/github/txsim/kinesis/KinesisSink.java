package io.github.txsim.kinesis;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.publish.Sink;
import io.github.txsim.rows.RecordLimits;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A Kinesis data stream as the publisher's sink: records go in PutRecords requests within Kinesis's limits
 * ({@link KinesisRequests}: a record an entry, or with KPL aggregation each shard's records packed into aggregated
 * records), each request waiting for room in its shards ({@link ShardRateLimiter}, when given). PutRecords can
 * succeed for some records and fail others without throwing; each result is answered per record. The SDK does not
 * retry PutRecords itself ({@link KinesisStream#putRecords}).
 */
public final class KinesisSink extends ServiceSupport implements Sink {

    /**
     * Kinesis takes at most 500 records in one PutRecords request, and 5 MiB in all as the API reference says (AWS
     * raised it to 10 MiB with records of up to 10 MiB, in 2025): requests are cut at 5 MiB, and a record larger
     * than that, which only a stream raised with UpdateMaxRecordSize takes, goes in a request of its own.
     */
    public static final int MAX_RECORDS_PER_REQUEST = 500;
    static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;
    /** Kinesis takes partition keys of 1 to 256 characters. */
    private static final int MAX_KEY_LENGTH = 256;
    /** What a stream takes unless its maximum record size was raised: 1 MiB, data and partition key together. */
    public static final RecordLimits LIMITS = limits(KinesisStream.DEFAULT_MAX_RECORD_BYTES);
    private static final String THROTTLED = "ProvisionedThroughputExceededException";
    /** Kinesis's per-record errors (throttling, InternalFailure, KMS errors) may all pass at a later attempt. */
    private static final boolean RETRYABLE = true;

    private final KinesisStream stream;
    private final ShardRateLimiter rateLimiter;
    private final Aggregation aggregation;
    private final PublishMetrics metrics;

    /**
     * KPL aggregation (kinesis.aggregation=kpl): user records packed into aggregated records of at most
     * {@code maxBytes} (and the stream's maximum record size), one shard each, by the shard map.
     */
    public record Aggregation(ShardMap shardMap, long maxBytes) {
    }

    /**
     * @param rateLimiter keeps requests within the shards' limits; null sends as fast as the stream answers
     * @param aggregation how user records are aggregated; null sends each as a Kinesis record of its own
     */
    public KinesisSink(KinesisStream stream, ShardRateLimiter rateLimiter, Aggregation aggregation,
            PublishMetrics metrics) {
        this.stream = stream;
        this.rateLimiter = rateLimiter;
        this.aggregation = aggregation;
        this.metrics = metrics;
    }

    @Override
    public String destination() {
        return "Kinesis stream '" + stream.name() + "'";
    }

    @Override
    public String name() {
        return stream.name();
    }

    /** The stream's own limits, read at start ({@link KinesisStream#maxRecordBytes}); the default's before. */
    @Override
    public RecordLimits limits() {
        return limits(stream.maxRecordBytes());
    }

    private static RecordLimits limits(long maxRecordBytes) {
        return new RecordLimits(maxRecordBytes, MAX_KEY_LENGTH, "Kinesis");
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(stream);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(stream);
    }

    @Override
    public void send(String fileName, List<PendingRecord> records, Answers answers) throws InterruptedException {
        List<KinesisRequests.Request> requests = aggregation == null ? KinesisRequests.plain(records)
                : KinesisRequests.aggregated(records, aggregation.shardMap().shards(),
                        Math.min(aggregation.maxBytes(), stream.maxRecordBytes()));
        for (KinesisRequests.Request request : requests) {
            if (rateLimiter != null) {
                rateLimiter.acquire(request.entries());
            }
            long started = System.nanoTime();
            PutRecordsResponse response = stream.putRecords(request.entries());
            metrics.putRecords(Duration.ofNanos(System.nanoTime() - started));
            answers.answered(request.records(), failures(request, response.records()));
        }
    }

    /**
     * Each user record's answer: its entry's; or, for every user record of an aggregated record that went to a shard
     * other than the one it was packed for (the stream was resharded) and that does not hold all of its user records,
     * a failure, since a KCL consumer drops such a record whole.
     */
    private List<Failure> failures(KinesisRequests.Request request, List<PutRecordsResultEntry> results) {
        List<Failure> byEntry = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            PutRecordsResultEntry result = results.get(i);
            ShardMap.ShardRange packedFor = request.packedFor().get(i);
            if (result.errorCode() != null) {
                byEntry.add(new Failure(result.errorCode() + ": " + result.errorMessage(), RETRYABLE,
                        THROTTLED.equals(result.errorCode())));
            } else if (packedFor != null && !packedFor.id().equals(result.shardId())) {
                byEntry.add(landedElsewhere(request, i, result.shardId()));
            } else {
                byEntry.add(null);
            }
        }
        List<Failure> failures = new ArrayList<>(request.records().size());
        for (int i = 0; i < request.records().size(); i++) {
            failures.add(byEntry.get(request.entryOf()[i]));
        }
        return failures;
    }

    /** An aggregated record's answer when it went to another shard: none if that shard holds all its user records. */
    private Failure landedElsewhere(KinesisRequests.Request request, int entry, String shardId) {
        ShardMap.ShardRange shard = landedIn(shardId);
        for (int i = 0; i < request.records().size(); i++) {
            if (request.entryOf()[i] == entry
                    && !shard.holds(ShardMap.hashKey(request.records().get(i).record().partitionKey()))) {
                return new Failure("the stream was resharded: its aggregated record went to shard " + shardId
                        + ", which does not hold all of its user records, so a consumer would drop it", RETRYABLE,
                        false);
            }
        }
        return null;
    }

    /**
     * The shard an aggregated record went to, other than the one it was packed for: the stream was resharded, so the
     * shard map is read again. A shard already closed again holds no record of ours for a consumer: it says so.
     */
    private ShardMap.ShardRange landedIn(String shardId) {
        List<ShardMap.ShardRange> shards = aggregation.shardMap().refresh();
        return shards.stream().filter(shard -> shard.id().equals(shardId)).findFirst()
                .orElse(new ShardMap.ShardRange(shardId, BigInteger.ONE, BigInteger.ZERO));
    }

    @Override
    public String unavailable(RuntimeException failure) {
        return failure instanceof SdkException ? stream.unavailable() : null;
    }
}
