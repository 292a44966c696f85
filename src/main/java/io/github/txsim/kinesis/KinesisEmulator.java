package io.github.txsim.kinesis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.txsim.support.ListeningChild;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Amazon Kinesis emulator, kinesalite, run as a Node.js child process listening on 127.0.0.1 only. Used by
 * the local mode and by the integration tests. kinesalite and its launcher script live in the emulator folder
 * ({@code emulator/}), installed from its lock file by the Maven build.
 * <p>
 * The child exits when this process's end of its standard input closes, so it does not outlive the JVM even when
 * the JVM is killed.
 */
public final class KinesisEmulator extends ServiceSupport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KinesisEmulator.class);
    private static final Pattern LISTENING = Pattern.compile("kinesalite listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Options options;
    private Process process;
    private int port;

    /**
     * @param folder     the folder with {@code server.js} and {@code node_modules/kinesalite}
     * @param node       the Node.js executable
     * @param port       the loopback port to listen on; 0 picks a free one
     * @param shardLimit how many shards all streams may have together
     */
    public record Options(Path folder, String node, int port, int shardLimit) {
    }

    public KinesisEmulator(Options options) {
        this.options = options;
    }

    /** Starts an emulator and waits until it listens. */
    public static KinesisEmulator startNew(Options options) {
        KinesisEmulator emulator = new KinesisEmulator(options);
        emulator.start();
        return emulator;
    }

    /** The endpoint to give the AWS SDK, e.g. {@code http://127.0.0.1:4567}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * The camel-aws2-kinesis component options (without the {@code camel.component.aws2-kinesis.} prefix) that point
     * the SDK at this emulator: its endpoint, a region (kinesalite accepts any), fixed dummy credentials, and the JSON
     * wire protocol (the SDK cannot read kinesalite's CBOR answers to PutRecords). None of these is ever set against AWS.
     */
    public Map<String, String> componentOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("region", "us-east-1");
        options.put("overrideEndpoint", "true");
        options.put("uriEndpointOverride", endpoint());
        options.put("useDefaultCredentialsProvider", "false");
        options.put("accessKey", "local");
        options.put("secretKey", "local");
        options.put("cborEnabled", "false");
        return options;
    }

    @Override
    protected void doStart() throws Exception {
        Path script = options.folder().resolve("server.js");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException("The Kinesis emulator launcher " + script.toAbsolutePath()
                    + " is missing: run from the project folder, or set kinesis.local.emulatorFolder");
        }
        if (!Files.isDirectory(options.folder().resolve("node_modules").resolve("kinesalite"))) {
            throw new IllegalStateException("kinesalite is not installed in "
                    + options.folder().resolve("node_modules").toAbsolutePath()
                    + ": run 'mvn generate-resources' (it runs 'npm ci' in " + options.folder() + ")");
        }
        List<String> command = List.of(options.node(), "server.js", "--port", Integer.toString(options.port()),
                "--shard-limit", Integer.toString(options.shardLimit()));
        try {
            process = new ProcessBuilder(command).directory(options.folder().toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("The local Kinesis emulator needs Node.js, but '" + options.node()
                    + "' could not be started (" + e.getMessage() + "): install Node.js or set kinesis.local.node",
                    e);
        }
        port = ListeningChild.awaitListening(process, LISTENING, "kinesalite", START_TIMEOUT_SECONDS, LOG);
        LOG.info("Local Kinesis emulator (kinesalite) listening on {}", endpoint());
        Process started = process;
        started.onExit().thenAccept(exited -> {
            if (!isStopping() && !isStopped()) {
                LOG.error("The local Kinesis emulator (kinesalite, pid {}) exited with status {}: its streams are "
                        + "gone, and publishing waits until the application is started again", exited.pid(),
                        exited.exitValue());
            }
        });
    }

    @Override
    protected void doStop() throws Exception {
        if (process != null && process.isAlive()) {
            ListeningChild.stop(process);
            LOG.info("Local Kinesis emulator stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }
}
