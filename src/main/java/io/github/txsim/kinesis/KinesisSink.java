package io.github.txsim.kinesis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.publish.Sink;
import io.github.txsim.rows.RecordLimits;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A Kinesis data stream as the publisher's sink: records go in PutRecords requests within Kinesis's limits, each
 * request waiting for room in its shards ({@link ShardRateLimiter}, when given). PutRecords can succeed for some
 * records and fail others without throwing; each result is answered per record. The SDK does not retry PutRecords
 * itself ({@link KinesisStream#putRecords}).
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
    private final PublishMetrics metrics;

    /** @param rateLimiter keeps requests within the shards' limits; null sends as fast as the stream answers */
    public KinesisSink(KinesisStream stream, ShardRateLimiter rateLimiter, PublishMetrics metrics) {
        this.stream = stream;
        this.rateLimiter = rateLimiter;
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
    public void send(List<PendingRecord> records, Answers answers) throws InterruptedException {
        for (List<PendingRecord> request : requests(records)) {
            if (rateLimiter != null) {
                rateLimiter.acquire(request.stream().map(PendingRecord::record).toList());
            }
            long started = System.nanoTime();
            PutRecordsResponse response = stream.putRecords(request.stream().map(KinesisSink::entry).toList());
            metrics.putRecords(Duration.ofNanos(System.nanoTime() - started));
            List<Failure> failures = new ArrayList<>(request.size());
            for (PutRecordsResultEntry result : response.records()) {
                failures.add(result.errorCode() == null ? null : new Failure(result.errorCode() + ": "
                        + result.errorMessage(), RETRYABLE, THROTTLED.equals(result.errorCode())));
            }
            answers.answered(request, failures);
        }
    }

    @Override
    public String unavailable(RuntimeException failure) {
        return failure instanceof SdkException ? stream.unavailable() : null;
    }

    private static PutRecordsRequestEntry entry(PendingRecord pending) {
        return PutRecordsRequestEntry.builder().partitionKey(pending.record().partitionKey())
                .data(SdkBytes.fromByteArrayUnsafe(pending.record().data())).build();
    }

    /** Cuts records into PutRecords requests of at most 500 records and 5 MiB, in order; a larger record alone. */
    static List<List<PendingRecord>> requests(List<PendingRecord> records) {
        List<List<PendingRecord>> requests = new ArrayList<>();
        List<PendingRecord> current = new ArrayList<>();
        long bytes = 0;
        for (PendingRecord record : records) {
            if (current.size() == MAX_RECORDS_PER_REQUEST
                    || !current.isEmpty() && bytes + record.size() > MAX_REQUEST_BYTES) {
                requests.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(record);
            bytes += record.size();
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }
}
