package io.github.txsim.kinesis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A stub of Kinesis for unit tests: an active stream that keeps what it acknowledged, and can throttle the records of
 * chosen partition keys the first time they are sent (a partial failure).
 */
class InMemoryKinesisClient implements KinesisClient {

    private final List<PutRecordsRequestEntry> acknowledged = new ArrayList<>();
    private final Map<String, Integer> throttles = new HashMap<>();
    private final List<Integer> requestSizes = new ArrayList<>();

    /** The records of this partition key are throttled the next {@code times} times they are sent. */
    InMemoryKinesisClient throttle(String partitionKey, int times) {
        throttles.put(partitionKey, times);
        return this;
    }

    InMemoryKinesisClient throttleOnce(String partitionKey) {
        return throttle(partitionKey, 1);
    }

    /** How many records each PutRecords request carried. */
    List<Integer> requestSizes() {
        return requestSizes;
    }

    List<PutRecordsRequestEntry> acknowledged() {
        return acknowledged;
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        requestSizes.add(request.records().size());
        List<PutRecordsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (PutRecordsRequestEntry entry : request.records()) {
            if (throttles.getOrDefault(entry.partitionKey(), 0) > 0) {
                throttles.merge(entry.partitionKey(), -1, Integer::sum);
                failed++;
                results.add(PutRecordsResultEntry.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("Rate exceeded").build());
            } else {
                acknowledged.add(entry);
                results.add(PutRecordsResultEntry.builder().shardId("shardId-000000000000")
                        .sequenceNumber(Integer.toString(acknowledged.size())).build());
            }
        }
        return PutRecordsResponse.builder().records(results).failedRecordCount(failed).build();
    }

    @Override
    public DescribeStreamSummaryResponse describeStreamSummary(DescribeStreamSummaryRequest request) {
        return DescribeStreamSummaryResponse.builder().streamDescriptionSummary(StreamDescriptionSummary.builder()
                .streamName(request.streamName()).streamStatus(StreamStatus.ACTIVE).build()).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
