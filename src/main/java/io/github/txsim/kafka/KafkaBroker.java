package io.github.txsim.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.txsim.support.ListeningChild;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Apache Kafka broker, one node in KRaft mode (broker and controller in one process), run as a Java child
 * process listening on 127.0.0.1 only. Used by the local mode with {@code publish.sink=kafka}, by the integration
 * tests and by the benchmark. The broker is Kafka's own from Maven Central, installed with its launcher
 * ({@code LoopbackKafka}) into {@code emulator/kafka/lib} by the Maven build; its data lives in a temporary folder
 * that goes with it.
 * <p>
 * The child exits when this process's end of its standard input closes, so it does not outlive the JVM even when the
 * JVM is killed. {@link #kill} and {@link #restart} stop it and start it again on the same port with the same data,
 * as a broker that went away for a while.
 */
public final class KafkaBroker extends ServiceSupport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
    private static final Pattern LISTENING = Pattern.compile("kafka listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final long START_TIMEOUT_SECONDS = 90;
    private static final String LAUNCHER = "io.github.txsim.emulator.LoopbackKafka";

    private final Options options;
    private Path dataFolder;
    private Path config;
    private int port;
    private int scramPort;
    private String clusterId;
    private Process process;

    /**
     * @param folder     the folder with the broker's build: {@code lib/} (its jars) and {@code log4j2.properties}
     * @param port       the loopback port of its listener; 0 picks a free one
     * @param partitions the partitions of a topic created without saying how many
     * @param heap       the broker's maximum heap, such as {@code 512m}
     * @param autoCreateTopics whether the broker creates a topic a client asks for that does not exist (Kafka's own
     *                   default; the local mode's broker does not, as MSK's does not, so that a topic deleted shows)
     * @param scram      whether the broker also listens for clients that authenticate with SCRAM-SHA-512 over
     *                   SASL_PLAINTEXT ({@link #scramBootstrapServers}), with the users that are given credentials
     */
    public record Options(Path folder, int port, int partitions, String heap, boolean autoCreateTopics,
            boolean scram) {

        public Options(Path folder, int port, int partitions, String heap) {
            this(folder, port, partitions, heap, false, false);
        }
    }

    public KafkaBroker(Options options) {
        this.options = options;
    }

    /** Starts a broker and waits until it listens. */
    public static KafkaBroker startNew(Options options) {
        KafkaBroker broker = new KafkaBroker(options);
        broker.start();
        return broker;
    }

    /** The bootstrap servers to give a Kafka client, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The bootstrap servers of the SCRAM listener ({@link Options#scram}). */
    public String scramBootstrapServers() {
        return "127.0.0.1:" + scramPort;
    }

    @Override
    protected void doStart() throws Exception {
        Path lib = options.folder().resolve("lib");
        if (!Files.isRegularFile(lib.resolve("loopback-kafka.jar"))) {
            throw new IllegalStateException("The local Kafka broker is not installed in " + lib.toAbsolutePath()
                    + ": run 'mvn generate-resources' (it builds " + options.folder().resolve("pom.xml")
                    + "), or set kafka.local.folder");
        }
        dataFolder = Files.createTempDirectory("txsim-kafka-");
        port = options.port() == 0 ? freePort() : options.port();
        int controllerPort = freePort();
        scramPort = options.scram() ? freePort() : 0;
        clusterId = clusterId();
        config = dataFolder.resolve("server.properties");
        Files.writeString(config, String.join("\n", serverProperties(port, controllerPort)) + "\n");
        launch();
        LOG.info("Local Kafka broker (KRaft, one node) listening on {}", bootstrapServers());
    }

    /**
     * A one-node cluster on loopback: the settings of Kafka's own config/server.properties for one machine, and the
     * SCRAM listener when asked for (the launcher reads the broker's port off the last advertised listener).
     */
    private List<String> serverProperties(int brokerPort, int controllerPort) {
        String scramListener = scramPort == 0 ? "" : "SASL_PLAINTEXT://127.0.0.1:" + scramPort + ",";
        List<String> properties = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=" + scramListener + "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:"
                        + controllerPort,
                "advertised.listeners=" + scramListener + "PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                "log.dirs=" + dataFolder.resolve("data").toAbsolutePath(),
                "num.partitions=" + options.partitions(),
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // a broker restarted after kill -9 is refused by its own controller until the old session times out
                // (9 s by default, then 14 s to start again); one node on loopback needs no such margin
                "broker.session.timeout.ms=2000",
                "broker.heartbeat.interval.ms=500",
                "auto.create.topics.enable=" + options.autoCreateTopics()));
        if (scramPort != 0) {
            properties.add("sasl.enabled.mechanisms=SCRAM-SHA-512");
            properties.add("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                    + "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        return properties;
    }

    private void launch() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + options.heap(),
                "-Dkafka.logs.dir=" + dataFolder.resolve("logs").toAbsolutePath(),
                "-Dlog4j2.configurationFile=" + options.folder().resolve("log4j2.properties").toAbsolutePath(),
                "-cp", options.folder().resolve("lib").toAbsolutePath() + "/*", LAUNCHER,
                config.toAbsolutePath().toString(), clusterId));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ListeningChild.awaitListening(process, LISTENING, "kafka", START_TIMEOUT_SECONDS, LOG);
        Process started = process;
        started.onExit().thenAccept(exited -> {
            if (started == process && !isStopping() && !isStopped()) {
                LOG.error("The local Kafka broker (pid {}) exited with status {}: publishing waits until it is back",
                        exited.pid(), exited.exitValue());
            }
        });
    }

    /** Stops the broker at once, as a crash would (tests: a broker gone mid-file). */
    public void kill() throws InterruptedException {
        Process gone = process;
        process = null;
        gone.destroyForcibly();
        gone.waitFor();
    }

    /** Starts the broker again after {@link #kill}, on the same port with the same data. */
    public void restart() throws IOException, InterruptedException {
        launch();
        LOG.info("Local Kafka broker listening again on {}", bootstrapServers());
    }

    @Override
    protected void doStop() throws Exception {
        ListeningChild.stop(process);
        if (dataFolder != null) {
            deleteRecursively(dataFolder);
        }
        LOG.info("Local Kafka broker stopped");
    }

    @Override
    public void close() {
        stop();
    }

    /** A free port on loopback (Kafka's controller must be told its port before it starts: 0 does not do there). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A cluster id as Kafka's storage tool makes one: 16 random bytes in URL-safe Base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
