package io.github.txsim.testing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.txsim.kinesis.KplAggregation;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

import static org.awaitility.Awaitility.await;

/**
 * A fault-injection proxy between the producer and a Kinesis emulator, on a free loopback port. It speaks the JSON
 * wire protocol (the local mode's), forwards every request to the emulator, and on demand:
 * <ul>
 * <li>enforces Kinesis's per-shard write limits (1,000 records/s and 1 MiB/s by default), each record's shard found
 * by the MD5 of its partition key within the stream's hash-key ranges: over-budget entries are answered with
 * ProvisionedThroughputExceededException and not forwarded;</li>
 * <li>fails a share of whole requests with HTTP 500 or 503 (not forwarded);</li>
 * <li>closes the connection without an answer for a share of PutRecords requests after the emulator accepted them
 * (the producer cannot know they arrived: the only way to duplicates);</li>
 * <li>goes away for a while (its port refuses connections), then comes back on the same port;</li>
 * <li>acts as the stream itself ({@link #sink()}): acknowledges PutRecords entries without forwarding them and keeps
 * each one's transaction id and arrival time, for rates above what the emulator can take (other calls, such as the
 * stream's description and shard map, still go to the emulator); an aggregated record (KPL) arrives as its user
 * records.</li>
 * </ul>
 * Random choices come from a fixed seed. Traffic goes to 127.0.0.1 only.
 */
public final class KinesisFaultProxy implements AutoCloseable {

    private static final String PUT_RECORDS = "Kinesis_20131202.PutRecords";
    /** A PUT payload unit, what provisioned Kinesis bills a record by: 25 KB of it, or less. */
    private static final int PAYLOAD_UNIT = 25 * 1024;
    private static final Set<String> FORWARDED_HEADERS = Set.of("content-type", "x-amz-target", "authorization",
            "x-amz-date", "x-amz-security-token", "x-amz-content-sha256", "amz-sdk-invocation-id",
            "amz-sdk-request", "user-agent");

    private final URI emulator;
    private final KinesisClient admin;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient forward = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService handlers = Executors.newFixedThreadPool(8);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final SplittableRandom random = new SplittableRandom(20261128);
    private final Map<String, List<ShardBudget>> shardsByStream = new ConcurrentHashMap<>();
    private final AtomicLong throttledRecords = new AtomicLong();
    private final AtomicLong failedRequests = new AtomicLong();
    private final AtomicLong resetRecords = new AtomicLong();
    private final AtomicLong resetRequests = new AtomicLong();
    private final AtomicLong sequenceNumbers = new AtomicLong();
    private final AtomicLong storedBytes = new AtomicLong();
    private final AtomicLong payloadUnits = new AtomicLong();
    private final AtomicInteger handling = new AtomicInteger();
    private final List<Arrival> arrivals = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean sink;
    private volatile boolean shardLimits;
    private volatile double recordsPerShardPerSecond = 1_000;
    private volatile double bytesPerShardPerSecond = 1024 * 1024;
    private volatile double failRate;
    private volatile double failPutRecordsRate;
    private volatile double resetRate;
    private volatile HttpServer server;
    private int port;

    /**
     * @param emulatorEndpoint the emulator's endpoint, such as {@code http://127.0.0.1:4567}
     * @param admin            a client of the emulator, to read the streams' shard maps
     */
    public KinesisFaultProxy(String emulatorEndpoint, KinesisClient admin) throws IOException {
        this.emulator = URI.create(emulatorEndpoint);
        this.admin = admin;
        listen(0);
    }

    /** The endpoint for the producer. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Enforce the per-shard write limits from now on. */
    public KinesisFaultProxy limitShards(double recordsPerSecond, double bytesPerSecond) {
        this.recordsPerShardPerSecond = recordsPerSecond;
        this.bytesPerShardPerSecond = bytesPerSecond;
        this.shardLimits = true;
        return this;
    }

    /**
     * Acknowledge PutRecords entries here, within the shard limits if set, instead of forwarding them to the emulator.
     * Each entry's data must be a transaction record (JSON with a TRANSACTION_ID).
     */
    public KinesisFaultProxy sink() {
        this.sink = true;
        return this;
    }

    /** A record the sink acknowledged: its transaction id, and when it arrived. */
    public record Arrival(long transactionId, Instant at) {
    }

    /** The records the sink acknowledged, in the order they arrived. */
    public List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    /** How many times the sink acknowledged each transaction id. */
    public Map<Long, Integer> arrivalCounts() {
        Map<Long, Integer> counts = new HashMap<>();
        for (Arrival arrival : arrivals()) {
            counts.merge(arrival.transactionId(), 1, Integer::sum);
        }
        return counts;
    }

    /** Answer this share of requests with HTTP 500 or 503, without forwarding them. */
    public KinesisFaultProxy failRequests(double rate) {
        this.failRate = rate;
        return this;
    }

    /** Answer this share of PutRecords requests (only they) with HTTP 500 or 503, without forwarding them. */
    public KinesisFaultProxy failPutRecords(double rate) {
        this.failPutRecordsRate = rate;
        return this;
    }

    /** Close the connection without an answer for this share of PutRecords requests, after forwarding them. */
    public KinesisFaultProxy resetAfterForwarding(double rate) {
        this.resetRate = rate;
        return this;
    }

    /** Refuse connections for the given time, then listen on the same port again. */
    public synchronized void goAwayFor(Duration outage) {
        server.stop(0);
        timer.schedule(() -> {
            try {
                listen(port);
            } catch (IOException e) {
                throw new IllegalStateException("the proxy could not listen again on port " + port, e);
            }
        }, outage.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Refuse connections until {@link #comeBack}. */
    public synchronized void goAway() {
        server.stop(0);
    }

    /** Listen again on the same port. */
    public void comeBack() throws IOException {
        listen(port);
    }

    /**
     * Waits until no request is being handled: after {@link #goAway}, requests already forwarded may still reach the
     * emulator until then.
     */
    public void awaitIdle(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(10)).until(() -> handling.get() == 0);
    }

    /**
     * The bytes of the Kinesis records (an aggregated record counted once) passed on within the limits and accepted,
     * data and partition keys, as a shard's byte limit counts them.
     */
    public long storedBytes() {
        return storedBytes.get();
    }

    /** The PUT payload units of those records: each record's 25 KB chunks. */
    public long payloadUnits() {
        return payloadUnits.get();
    }

    /** Records answered with ProvisionedThroughputExceededException. */
    public long throttledRecords() {
        return throttledRecords.get();
    }

    /** Requests answered with HTTP 500 or 503. */
    public long failedRequests() {
        return failedRequests.get();
    }

    /** Records the emulator accepted in requests whose connection was then closed without an answer. */
    public long resetRecords() {
        return resetRecords.get();
    }

    public long resetRequests() {
        return resetRequests.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.stop(0);
        handlers.shutdownNow();
    }

    private synchronized void listen(int onPort) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
        created.createContext("/", this::handle);
        created.setExecutor(handlers);
        created.start();
        port = created.getAddress().getPort();
        server = created;
    }

    private void handle(HttpExchange exchange) throws IOException {
        handling.incrementAndGet();
        try (exchange) {
            byte[] body = readAll(exchange.getRequestBody());
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (draw() < failRate || PUT_RECORDS.equals(target) && draw() < failPutRecordsRate) {
                failedRequests.incrementAndGet();
                boolean unavailable = draw() < 0.5;
                respond(exchange, unavailable ? 503 : 500, error(unavailable ? "ServiceUnavailable" : "InternalFailure",
                        "injected failure"));
                return;
            }
            boolean reset = PUT_RECORDS.equals(target) && draw() < resetRate;
            Upstream answer = PUT_RECORDS.equals(target) && (shardLimits || sink)
                    ? putRecords(exchange, body) : forward(exchange, body);
            if (reset) {
                resetRequests.incrementAndGet();
                resetRecords.addAndGet(answer.acceptedRecords());
                return; // closed without an answer
            }
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            respond(exchange, answer.status(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            handling.decrementAndGet();
        }
    }

    /** What the emulator answered, and how many records it accepted. */
    private record Upstream(int status, String contentType, byte[] body, long acceptedRecords) {
    }

    private Upstream forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.resolve(exchange.getRequestURI()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(30));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (FORWARDED_HEADERS.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> response = forward.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        long accepted = 0;
        if (response.statusCode() == 200
                && PUT_RECORDS.equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
            JsonNode answer = json.readTree(response.body());
            accepted = answer.get("Records").size() - answer.path("FailedRecordCount").asLong();
        }
        return new Upstream(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.1"), response.body(),
                accepted);
    }

    /**
     * Passes on the entries within their shards' budgets (to the emulator, or to the sink); answers the others as
     * throttled.
     */
    private Upstream putRecords(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        ObjectNode request = (ObjectNode) json.readTree(body);
        String stream = request.get("StreamName").asText();
        List<ShardBudget> shards = shardsByStream.computeIfAbsent(stream, this::shardsOf);
        ArrayNode records = (ArrayNode) request.get("Records");
        ArrayNode within = json.createArrayNode();
        List<ShardBudget> withinShards = new ArrayList<>();
        List<byte[]> withinData = new ArrayList<>();
        long withinBytes = 0;
        long withinUnits = 0;
        boolean[] throttled = new boolean[records.size()];
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            byte[] key = record.get("PartitionKey").asText().getBytes(StandardCharsets.UTF_8);
            byte[] data = Base64.getDecoder().decode(record.get("Data").asText());
            ShardBudget shard = shardOf(shards, record.has("ExplicitHashKey")
                    ? new BigInteger(record.get("ExplicitHashKey").asText()) : new BigInteger(1, md5(key)));
            if (!shardLimits || shard.take(data.length + key.length)) {
                within.add(record);
                withinShards.add(shard);
                withinData.add(data);
                withinBytes += data.length + key.length;
                withinUnits += (data.length + key.length + PAYLOAD_UNIT - 1) / PAYLOAD_UNIT;
            } else {
                throttled[i] = true;
            }
        }
        JsonNode forwarded = null;
        int status = 200;
        String contentType = "application/x-amz-json-1.1";
        long accepted = 0;
        if (!within.isEmpty()) {
            request.set("Records", within);
            Upstream answer = sink ? acknowledgeHere(withinShards, withinData)
                    : forward(exchange, json.writeValueAsBytes(request));
            if (answer.status() != 200) {
                return answer;
            }
            forwarded = json.readTree(answer.body());
            contentType = answer.contentType();
            accepted = answer.acceptedRecords();
            if (accepted == within.size()) {
                storedBytes.addAndGet(withinBytes);
                payloadUnits.addAndGet(withinUnits);
            }
        }
        ArrayNode results = json.createArrayNode();
        int next = 0;
        long failed = forwarded == null ? 0 : forwarded.path("FailedRecordCount").asLong();
        for (int i = 0; i < records.size(); i++) {
            if (throttled[i]) {
                throttledRecords.incrementAndGet();
                failed++;
                results.add(json.createObjectNode().put("ErrorCode", "ProvisionedThroughputExceededException")
                        .put("ErrorMessage", "Rate exceeded for shard in stream " + stream + " (injected)"));
            } else {
                results.add(forwarded.get("Records").get(next++));
            }
        }
        ObjectNode answer = json.createObjectNode();
        answer.put("FailedRecordCount", failed);
        answer.set("Records", results);
        return new Upstream(status, contentType, json.writeValueAsBytes(answer), accepted);
    }

    /** The sink's answer to entries it takes: each acknowledged, with a sequence number in its shard. */
    private Upstream acknowledgeHere(List<ShardBudget> shards, List<byte[]> data) throws IOException {
        Instant now = Instant.now();
        List<Arrival> arrived = new ArrayList<>(data.size());
        ArrayNode results = json.createArrayNode();
        for (int i = 0; i < data.size(); i++) {
            for (byte[] userRecord : KplAggregation.userRecords(data.get(i))) { // one, unless aggregated
                arrived.add(new Arrival(json.readTree(userRecord).get("TRANSACTION_ID").asLong(), now));
            }
            results.add(json.createObjectNode()
                    .put("SequenceNumber", Long.toString(sequenceNumbers.incrementAndGet()))
                    .put("ShardId", shards.get(i).id));
        }
        arrivals.addAll(arrived);
        ObjectNode answer = json.createObjectNode();
        answer.put("FailedRecordCount", 0);
        answer.set("Records", results);
        return new Upstream(200, "application/x-amz-json-1.1", json.writeValueAsBytes(answer), data.size());
    }

    private List<ShardBudget> shardsOf(String stream) {
        List<ShardBudget> budgets = new ArrayList<>();
        for (Shard shard : admin.listShards(b -> b.streamName(stream)).shards()) {
            budgets.add(new ShardBudget(shard.shardId(), new BigInteger(shard.hashKeyRange().startingHashKey()),
                    new BigInteger(shard.hashKeyRange().endingHashKey())));
        }
        return budgets;
    }

    private static ShardBudget shardOf(List<ShardBudget> shards, BigInteger hashKey) {
        for (ShardBudget shard : shards) {
            if (hashKey.compareTo(shard.from) >= 0 && hashKey.compareTo(shard.to) <= 0) {
                return shard;
            }
        }
        throw new IllegalStateException("no shard holds hash key " + hashKey);
    }

    /** Token buckets for one shard's records and bytes, refilled continuously, holding at most one second's. */
    private final class ShardBudget {
        private final String id;
        private final BigInteger from;
        private final BigInteger to;
        private double records = recordsPerShardPerSecond;
        private double bytes = bytesPerShardPerSecond;
        private long refilledNanos = System.nanoTime();

        ShardBudget(String id, BigInteger from, BigInteger to) {
            this.id = id;
            this.from = from;
            this.to = to;
        }

        synchronized boolean take(long recordBytes) {
            long now = System.nanoTime();
            double seconds = (now - refilledNanos) / 1e9;
            refilledNanos = now;
            records = Math.min(recordsPerShardPerSecond, records + seconds * recordsPerShardPerSecond);
            bytes = Math.min(bytesPerShardPerSecond, bytes + seconds * bytesPerShardPerSecond);
            if (records < 1 || bytes < recordBytes) {
                return false;
            }
            records -= 1;
            bytes -= recordBytes;
            return true;
        }
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private byte[] error(String type, String message) throws IOException {
        return json.writeValueAsBytes(Map.of("__type", type, "message", message));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static byte[] md5(byte[] key) {
        try {
            return MessageDigest.getInstance("MD5").digest(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
