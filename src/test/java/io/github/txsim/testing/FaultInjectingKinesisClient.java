package io.github.txsim.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * A Kinesis client that forwards to a real one (the test's emulator) but lets a test make chosen PutRecords calls
 * fail: every call from the n-th on, or part of the entries of the n-th call (those are not forwarded and come back
 * with ProvisionedThroughputExceededException, as Kinesis answers a partial failure).
 */
public final class FaultInjectingKinesisClient implements KinesisClient {

    private final KinesisClient real;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Long> callNanos = new CopyOnWriteArrayList<>();
    private volatile int failFromCall = Integer.MAX_VALUE;
    private volatile int throttleCall = -1;

    public FaultInjectingKinesisClient(KinesisClient real) {
        this.real = real;
    }

    /** Every PutRecords call from the given one (counting from 1) fails as if the service were unreachable. */
    public FaultInjectingKinesisClient failEveryCallFrom(int call) {
        this.failFromCall = call;
        return this;
    }

    /** The given PutRecords call (counting from 1) has the second half of its entries throttled. */
    public FaultInjectingKinesisClient throttleSecondHalfOfCall(int call) {
        this.throttleCall = call;
        return this;
    }

    /** When each PutRecords call reached this client ({@link System#nanoTime()}). */
    public List<Long> putRecordsCallNanos() {
        return callNanos;
    }

    /** How many PutRecords calls reached this client. */
    public int putRecordsCalls() {
        return calls.get();
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        int call = calls.incrementAndGet();
        callNanos.add(System.nanoTime());
        if (call >= failFromCall) {
            throw SdkClientException.create("injected failure of PutRecords call " + call);
        }
        if (call != throttleCall) {
            return real.putRecords(request);
        }
        int forwarded = request.records().size() / 2;
        PutRecordsResponse accepted = real.putRecords(request.toBuilder()
                .records(request.records().subList(0, forwarded)).build());
        List<PutRecordsResultEntry> results = new ArrayList<>(accepted.records());
        for (int i = forwarded; i < request.records().size(); i++) {
            results.add(PutRecordsResultEntry.builder()
                    .errorCode("ProvisionedThroughputExceededException")
                    .errorMessage("Rate exceeded for shard (injected)")
                    .build());
        }
        return accepted.toBuilder().records(results).failedRecordCount(request.records().size() - forwarded).build();
    }

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(DescribeStreamSummaryRequest request) {
        return real.describeStreamSummary(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
        // the real client belongs to the test
    }
}
