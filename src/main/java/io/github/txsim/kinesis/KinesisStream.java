package io.github.txsim.kinesis;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.component.aws2.kinesis.Kinesis2Endpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.kinesis.waiters.KinesisWaiter;

/**
 * The Kinesis data stream the transactions go to. Its client is the one camel-aws2-kinesis builds from the
 * component's options ({@code camel.component.aws2-kinesis.*}: region, credentials, endpoint override, CBOR), so
 * every SDK setting is made through Camel's documented configuration.
 * <p>
 * On start it checks that the stream exists and accepts writes; when {@code createIfMissing} is set (local mode
 * only) it creates a missing stream first. Against AWS it never creates streams.
 */
public final class KinesisStream extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisStream.class);
    private static final Duration CREATE_TIMEOUT = Duration.ofSeconds(60);
    /** The {@link #status()} of a stream that does not exist. */
    static final String NOT_FOUND = "NOT FOUND";
    /**
     * A stream's largest record, data and partition key together, where DescribeStreamSummary does not say (streams
     * made before UpdateMaxRecordSize existed, emulators): 1 MiB, every stream's default.
     */
    public static final long DEFAULT_MAX_RECORD_BYTES = 1024L * 1024;
    private static final SdkPlugin NO_SDK_RETRIES = configuration -> configuration.overrideConfiguration(
            configuration.overrideConfiguration().toBuilder().retryStrategy(AwsRetryStrategy.doNotRetry()).build());

    private final CamelContext context;
    private final String streamName;
    private final String nameKey;
    private final boolean createIfMissing;
    private final int shardCountIfCreated;
    private Kinesis2Endpoint endpoint;
    private KinesisClient client;
    private volatile long maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;

    public KinesisStream(CamelContext context, String streamName, boolean createIfMissing, int shardCountIfCreated) {
        this(context, streamName, KinesisSettings.STREAM_NAME.key(), createIfMissing, shardCountIfCreated);
    }

    /** @param nameKey the setting that names the stream, which a message about it tells an operator to change */
    public KinesisStream(CamelContext context, String streamName, String nameKey, boolean createIfMissing,
            int shardCountIfCreated) {
        this.context = context;
        this.streamName = streamName;
        this.nameKey = nameKey;
        this.createIfMissing = createIfMissing;
        this.shardCountIfCreated = shardCountIfCreated;
    }

    public String name() {
        return streamName;
    }

    /**
     * The stream's largest record, data and partition key together, as DescribeStreamSummary said at start (1 to 10
     * MiB, set with UpdateMaxRecordSize); {@link #DEFAULT_MAX_RECORD_BYTES} before start.
     */
    public long maxRecordBytes() {
        return maxRecordBytes;
    }

    public KinesisClient client() {
        if (client == null) {
            throw new IllegalStateException("the Kinesis stream " + streamName + " is not started");
        }
        return client;
    }

    /**
     * One PutRecords request, made once: the SDK's own retries are turned off for it (a request plugin sets its retry
     * strategy to none), so that a failed request comes back at once to the publisher's one retry policy
     * ({@link io.github.txsim.publish.RecordTimeout}) instead of being retried by two layers, each with its own back-off. The stream's other
     * calls (DescribeStreamSummary, ListShards) keep the SDK's standard retries.
     */
    public PutRecordsResponse putRecords(List<PutRecordsRequestEntry> entries) {
        return client().putRecords(PutRecordsRequest.builder().streamName(streamName).records(entries)
                .overrideConfiguration(o -> o.addPlugin(NO_SDK_RETRIES)).build());
    }

    @Override
    protected void doStart() {
        try {
            endpoint = context.getEndpoint("aws2-kinesis:" + streamName, Kinesis2Endpoint.class);
            ServiceHelper.startService(endpoint);
            client = endpoint.getClient();
            checkStream();
        } catch (SdkClientException e) {
            throw explained(e);
        }
    }

    /** The SDK's start-up errors, said in the application's terms: a missing setting, or where it could not connect. */
    private RuntimeException explained(SdkClientException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Unable to load region")) {
            return new IllegalStateException("No AWS region: set camel.component.aws2-kinesis.region in "
                    + "application.properties, or AWS_REGION", e);
        }
        if (message.startsWith("Unable to load credentials")) {
            return new IllegalStateException("No AWS credentials: the default provider chain (environment, "
                    + "~/.aws, EC2 instance profile) found none; on EC2, attach an instance profile", e);
        }
        if (client != null) {
            return new IllegalStateException(String.format("Cannot reach Kinesis at %s: %s", endpoint(),
                    rootMessage(e)), e);
        }
        return e;
    }

    /** The message of a failure's innermost cause, such as {@code Connection refused}. */
    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Where the client sends its requests: the endpoint override, or the region's. */
    String endpoint() {
        return client().serviceClientConfiguration().endpointOverride().map(URI::toString)
                .orElse("the endpoint of region " + client().serviceClientConfiguration().region());
    }

    private void checkStream() {
        StreamDescriptionSummary summary = describe();
        if (summary == null) {
            if (!createIfMissing) {
                throw new IllegalStateException(String.format(
                        "Kinesis stream '%s' does not exist in region %s: create it, or set %s", streamName,
                        client.serviceClientConfiguration().region(), nameKey));
            }
            create();
            summary = describe();
        }
        if (!acceptsRecords(summary.streamStatusAsString())) {
            throw new IllegalStateException(String.format(
                    "Kinesis stream '%s' is %s: it must be ACTIVE (or UPDATING) to accept records", streamName,
                    summary.streamStatusAsString()));
        }
        Integer maxKiB = summary.maxRecordSizeInKiB();
        maxRecordBytes = maxKiB == null ? DEFAULT_MAX_RECORD_BYTES : maxKiB * 1024L;
        LOG.info("Kinesis stream '{}' is {}; it takes records of up to {} KiB", streamName,
                summary.streamStatusAsString(), maxRecordBytes / 1024);
    }

    @Override
    protected void doStop() {
        client = null;
        ServiceHelper.stopService(endpoint);
    }

    /** The stream's open shards (ListShards, every page). */
    public List<Shard> openShards() {
        List<Shard> shards = new ArrayList<>();
        ListShardsResponse page = client().listShards(b -> b.streamName(streamName));
        while (true) {
            for (Shard shard : page.shards()) {
                if (shard.sequenceNumberRange().endingSequenceNumber() == null) {
                    shards.add(shard);
                }
            }
            String next = page.nextToken();
            if (next == null) {
                return shards;
            }
            page = client().listShards(b -> b.nextToken(next));
        }
    }

    /** Whether a stream in this status takes records: ACTIVE, or UPDATING (while it is resharded, say). */
    public static boolean acceptsRecords(String status) {
        return StreamStatus.ACTIVE.toString().equals(status) || StreamStatus.UPDATING.toString().equals(status);
    }

    /** The stream's status now, such as ACTIVE, or NOT FOUND. */
    public String status() {
        StreamDescriptionSummary summary = describe();
        return summary == null ? NOT_FOUND : summary.streamStatusAsString();
    }

    /** Why the stream cannot take records now, said for an operator, or null when it can. */
    String unavailable() {
        try {
            String status = status();
            if (acceptsRecords(status)) {
                return null;
            }
            return NOT_FOUND.equals(status)
                    ? String.format("Kinesis stream '%s' does not exist (any longer): create it again, or set "
                            + "%s to the stream to use and restart (a deleted stream's records went with it; the "
                            + "archive folder holds them, and verify names what a stream lacks)", streamName, nameKey)
                    : String.format("Kinesis stream '%s' is %s: it takes records again once ACTIVE", streamName,
                            status);
        } catch (SdkException e) {
            return String.format("Cannot reach Kinesis at %s (%s): check the network path to it (security groups, "
                    + "VPC endpoint, proxy, DNS), the AWS Health Dashboard, or in local mode whether the emulator "
                    + "still runs", endpoint(), rootMessage(e));
        }
    }

    /** The stream's summary (DescribeStreamSummary), or null when it does not exist. */
    private StreamDescriptionSummary describe() {
        try {
            return client.describeStreamSummary(b -> b.streamName(streamName)).streamDescriptionSummary();
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private void create() {
        LOG.info("Creating Kinesis stream '{}' with {} shard(s)", streamName, shardCountIfCreated);
        client.createStream(b -> b.streamName(streamName).shardCount(shardCountIfCreated));
        try (KinesisWaiter waiter = KinesisWaiter.builder()
                .client(client)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100)))
                        .waitTimeout(CREATE_TIMEOUT)
                        .build())
                .build()) {
            waiter.waitUntilStreamExists(b -> b.streamName(streamName));
        }
    }
}
