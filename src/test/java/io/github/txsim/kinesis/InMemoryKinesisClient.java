package io.github.txsim.kinesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
final class InMemoryKinesisClient implements KinesisClient {

    private final List<PutRecordsRequestEntry> acknowledged = new ArrayList<>();
    private final Set<String> throttleOnce = new HashSet<>();

    InMemoryKinesisClient throttleOnce(String partitionKey) {
        throttleOnce.add(partitionKey);
        return this;
    }

    List<PutRecordsRequestEntry> acknowledged() {
        return acknowledged;
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        List<PutRecordsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (PutRecordsRequestEntry entry : request.records()) {
            if (throttleOnce.remove(entry.partitionKey())) {
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
