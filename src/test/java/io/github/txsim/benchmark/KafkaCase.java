package io.github.txsim.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.txsim.kafka.KafkaOptions;
import io.github.txsim.kafka.TopicReader;
import io.github.txsim.kafka.KafkaBroker;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.verification.Verifier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The Kafka sink against Kafka's own producer benchmark, side by side on one local broker (KRaft, loopback): the
 * application publishes a 1,000,000-row file (publish.sink=kafka), then Kafka's ProducerPerformance (kafka-tools, the
 * kafka-producer-perf-test tool) sends as many records of the file's mean record size with the same producer settings
 * (acks=all, idempotence, linger, batch size, no compression). Target: at least 80% of the tool's records/s, every
 * record accounted for (the tool checks none).
 */
final class KafkaCase {

    static final String NAME = "kafka";
    private static final int PARTITIONS = 4;
    private static final Pattern TOOL_SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\)");
    private static final Pattern TIME = Pattern.compile("TIME (\\S+) (\\S+) (\\S+) (\\d+)");

    private KafkaCase() {
    }

    /** The tool's row and the application's, for the publishing table. */
    static List<String> rows(Kinesalite kinesis, Path work, List<String> bigDay) throws Exception {
        List<String> rows = bigDay.subList(1, 1_000_001);
        try (KafkaBroker broker = KafkaBroker.startNew(new KafkaBroker.Options(Path.of("emulator", "kafka"), 0,
                PARTITIONS, "1g"))) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("benchmark-app", PARTITIONS, (short) 1),
                        new NewTopic("benchmark-tool", PARTITIONS, (short) 1))).all().get(60, TimeUnit.SECONDS);
            }
            Path data = Benchmark.dataWith(work, "kafka", bigDay.subList(0, 1), rows);
            Benchmark.Published app = Benchmark.Published.from(Benchmark.application(kinesis, data, "unused",
                    Map.of("generator.enabled", "false", "publish.sink", "kafka", "kafka.local.enabled", "false",
                            "kafka.bootstrapServers", broker.bootstrapServers(), "kafka.topic", "benchmark-app")));
            long[] bytes = {0};
            Map<Long, Integer> arrivals = arrivals(broker.bootstrapServers(), "benchmark-app", bytes);
            long lost = rows.stream().filter(r -> !arrivals.containsKey(Long.parseLong(r.substring(0,
                    r.indexOf(','))))).count();
            long duplicated = arrivals.values().stream().mapToLong(n -> n - 1).sum();

            // the records the application sent: each row's JSON, as the topic holds it
            int recordSize = (int) Math.round((double) bytes[0] / arrivals.values().stream()
                    .mapToLong(Integer::longValue).sum());
            Tool tool = tool(broker.bootstrapServers(), rows.size(), recordSize);
            double share = app.recordsPerSecond() / tool.recordsPerSecond();
            boolean met = share >= 0.8 && lost == 0 && duplicated == 0;
            return List.of(
                    String.format("| Kafka's ProducerPerformance to a local broker (%d partitions; %d-byte records, "
                            + "acks=all, idempotent, linger 5 ms, batch 64 KiB) | %,d | %.1f | %,.0f | n/a (the "
                            + "reference) | %.1f (whole process) | %d | - | not checked | not checked | - | - |",
                            PARTITIONS, tool.recordSize(), tool.records(), tool.records() / tool.recordsPerSecond(),
                            tool.recordsPerSecond(), tool.cpuSeconds() * 1e6 / tool.records(), tool.peakRssMib()),
                    String.format("| Publish a 1,000,000-row file to the same broker (publish.sink=kafka, same producer "
                            + "settings) | %,d | %.1f | %,.0f | %.0f%% of the tool's records/s | %.1f | %d | 0 | %,d "
                            + "| %,d | >= 80%% of the tool's records/s, nothing lost or duplicated | %s |",
                            app.records(), app.seconds(), app.recordsPerSecond(), share * 100,
                            app.cpuMicrosPerRecord(), app.peakRssMib(), lost, duplicated, Benchmark.yes(met)));
        }
    }

    /** How many times each transaction id arrived; adds the values' bytes to {@code bytes[0]}. */
    private static Map<Long, Integer> arrivals(String bootstrapServers, String topic, long[] bytes)
            throws InterruptedException {
        Map<Long, Integer> arrivals = new HashMap<>();
        new TopicReader(new KafkaOptions(bootstrapServers, topic, "none", Duration.ofMillis(5), 65536,
                Duration.ofSeconds(30), Duration.ofSeconds(20), KafkaOptions.Security.plaintext())).read(null, value -> {
                    Long id = Verifier.transactionId(value);
                    synchronized (arrivals) {
                        bytes[0] += value.length;
                        arrivals.merge(id == null ? -1 : id, 1, Integer::sum);
                    }
                });
        return arrivals;
    }

    /** ProducerPerformance's figures: its own records/s, and the whole process's CPU time and peak RSS. */
    record Tool(long records, int recordSize, double recordsPerSecond, double cpuSeconds, long peakRssMib) {
    }

    private static Tool tool(String bootstrapServers, int records, int recordSize) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "TIME %e %U %S %M",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-Dlog4j2.configurationFile=" + Path.of("emulator", "kafka", "log4j2.properties").toAbsolutePath(),
                "-Dkafka.logs.dir=" + Files.createTempDirectory("txsim-perf-test"),
                "-cp", Path.of("emulator", "kafka", "lib").toAbsolutePath() + "/*",
                "org.apache.kafka.tools.ProducerPerformance", "--topic", "benchmark-tool",
                "--num-records", Integer.toString(records), "--record-size", Integer.toString(recordSize),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrapServers, "acks=all",
                "enable.idempotence=true", "max.in.flight.requests.per.connection=5", "linger.ms=5",
                "batch.size=65536", "compression.type=none"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ProducerPerformance failed:\n" + output);
        }
        // its last line of this form sums up the whole run; the ones before it report intervals
        java.util.regex.MatchResult summary = TOOL_SUMMARY.matcher(output).results().reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("no summary in ProducerPerformance's output:\n"
                        + output));
        Matcher time = TIME.matcher(output);
        if (!time.find()) {
            throw new IllegalStateException("no /usr/bin/time line in:\n" + output);
        }
        return new Tool(Long.parseLong(summary.group(1)), recordSize, Double.parseDouble(summary.group(2)),
                Double.parseDouble(time.group(2)) + Double.parseDouble(time.group(3)),
                Long.parseLong(time.group(4)) / 1024);
    }
}
