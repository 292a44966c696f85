package io.github.txsim.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.HashKeyRange;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.SequenceNumberRange;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/**
 * A stub of Kinesis for unit tests, and a fake stream for tests that need many files through the route quickly: an
 * active stream that keeps what it acknowledged, and can throttle the records of chosen partition keys the first
 * time they are sent (a partial failure).
 */
public class InMemoryKinesisClient implements KinesisClient {

    private final List<PutRecordsRequestEntry> acknowledged = new ArrayList<>();
    private final Map<String, Integer> throttles = new HashMap<>();
    private final List<Integer> requestSizes = new ArrayList<>();

    /** The records of this partition key are throttled the next {@code times} times they are sent. */
    public synchronized InMemoryKinesisClient throttle(String partitionKey, int times) {
        throttles.put(partitionKey, times);
        return this;
    }

    public InMemoryKinesisClient throttleOnce(String partitionKey) {
        return throttle(partitionKey, 1);
    }

    /** How many records each PutRecords request carried. */
    public synchronized List<Integer> requestSizes() {
        return List.copyOf(requestSizes);
    }

    /** The records acknowledged so far, in the order they arrived. */
    public synchronized List<PutRecordsRequestEntry> acknowledged() {
        return List.copyOf(acknowledged);
    }

    @Override
    public synchronized PutRecordsResponse putRecords(PutRecordsRequest request) {
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

    private int shards = 1;

    /** The stream has this many shards, splitting the hash-key space evenly. */
    public synchronized InMemoryKinesisClient shards(int count) {
        this.shards = count;
        return this;
    }

    @Override
    public synchronized ListShardsResponse listShards(ListShardsRequest request) {
        BigInteger space = BigInteger.ONE.shiftLeft(128);
        List<Shard> list = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            BigInteger from = space.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(shards));
            BigInteger to = space.multiply(BigInteger.valueOf(i + 1)).divide(BigInteger.valueOf(shards))
                    .subtract(BigInteger.ONE);
            list.add(Shard.builder().shardId(String.format("shardId-%012d", i))
                    .hashKeyRange(HashKeyRange.builder().startingHashKey(from.toString())
                            .endingHashKey(to.toString()).build())
                    .sequenceNumberRange(SequenceNumberRange.builder().startingSequenceNumber("0").build())
                    .build());
        }
        return ListShardsResponse.builder().shards(list).build();
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
