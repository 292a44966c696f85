package io.github.txsim.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisFaultProxy;

/**
 * The project's benchmark (not a test): runs each case as its own JVM, a few times, prints a table, and writes it to
 * {@code docs/benchmarks.md} with the machine and the date.
 *
 * <pre>mvn -q test-compile exec:exec@benchmark</pre>
 */
public final class Benchmark {

    private static final int RUNS = 3;
    private static final Pattern GENERATED = Pattern.compile("Generated (\\d+) file\\(s\\): (\\d+) rows in ([\\d.]+) s "
            + "\\((\\d+) rows/s\\), slowest file ([\\d.]+) s, peak RSS (\\d+) MiB");

    private Benchmark() {
    }

    /** One measured run of a generator process. */
    record Run(long rows, double wallSeconds, double inProcessSeconds, double slowestFileSeconds, long peakRssMib) {
    }

    public static void main(String[] args) throws Exception {
        List<String> table = new ArrayList<>();
        table.add("| Case | Rows | Whole process (s) | Rows/s | One file in-process (s) | Peak RSS (MiB) | Target | Met |");
        table.add("|---|---:|---:|---:|---:|---:|---|---|");

        Run reference = median(RUNS, () -> generate("5000", "10000", "2018-04-01", "183"));
        table.add(row("Generate the reference dataset: 5,000 customers, 10,000 terminals, 183 days, r = 5", reference,
                "whole process <= 5 s", reference.wallSeconds() <= 5));

        Run day = median(RUNS, () -> generate("50000", "100000", LocalDate.now().toString(), "1"));
        table.add(row("Generate one default day: 50,000 customers, 100,000 terminals", day,
                "day <= 0.5 s in-process, whole process <= 2 s",
                day.slowestFileSeconds() <= 0.5 && day.wallSeconds() <= 2));

        table.add("");
        table.add("| Case | Records | Wall (s) | Records/s | Share of capacity | CPU per record (µs) | Peak RSS (MiB) "
                + "| Throttled | Target | Met |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
        Kinesalite kinesis = new Kinesalite();
        kinesis.beforeAll(null);
        try {
            table.add(publishMillionRows(kinesis));
            table.add(endToEndFourLimitedShards(kinesis));
        } finally {
            kinesis.afterAll(null);
        }

        String report = report(table);
        System.out.println(report);
        Path docs = Files.createDirectories(Path.of("docs"));
        Files.writeString(docs.resolve("benchmarks.md"), report, StandardCharsets.UTF_8);
        System.out.println("Written to docs/benchmarks.md");
    }

    private interface Measurement {
        Run run() throws Exception;
    }

    /** Runs a measurement several times and keeps the run of median wall time. */
    private static Run median(int runs, Measurement measurement) throws Exception {
        List<Run> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            all.add(measurement.run());
        }
        all.sort((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds()));
        return all.get(runs / 2);
    }

    /** Runs GenerateFiles in a new JVM and measures it from its start to its exit. */
    private static Run generate(String customers, String terminals, String from, String days) throws Exception {
        Path out = Files.createTempDirectory("txsim-benchmark");
        try {
            List<String> command = List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    "io.github.txsim.simulator.GenerateFiles", "--customers", customers, "--terminals", terminals,
                    "--start-date", "2018-04-01", "--from", from, "--days", days, "--out", out.toString());
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            double wall = (System.nanoTime() - started) / 1e9;
            Matcher m = GENERATED.matcher(output);
            if (status != 0 || !m.find()) {
                throw new IllegalStateException("the generator failed (exit " + status + "):\n" + output);
            }
            return new Run(Long.parseLong(m.group(2)), wall, Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)));
        } finally {
            deleteTree(out);
        }
    }

    private static final Pattern PUBLISHED = Pattern.compile("Published \\S+: ([\\d,]+) rows, ([\\d,]+) records "
            + "acknowledged.*? in ([\\d.]+) s \\(([\\d,]+) records/s\\)");
    private static final Pattern RUN_COMPLETE = Pattern.compile("Run complete: .* in ([\\d.]+) s; process CPU "
            + "([\\d.]+) s, peak RSS (\\d+) MiB");

    /** A file of 1,000,000 rows published by the application, as its own process, to kinesalite, unthrottled. */
    private static String publishMillionRows(Kinesalite kinesis) throws Exception {
        Path data = Files.createTempDirectory("txsim-benchmark-publish");
        try {
            Path source = Files.createDirectories(data.resolve("source"));
            Path staging = Files.createDirectories(data.resolve("staging"));
            run(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    "io.github.txsim.simulator.GenerateFiles", "--customers", "520000", "--terminals", "200000",
                    "--from", "2026-11-01", "--out", staging.toString()));
            Path file = Files.list(staging).filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(file);
            Files.write(staging.resolve("million.csv"), lines.subList(0, 1_000_001));
            Files.move(staging.resolve("million.csv"), source.resolve("million.csv"));
            kinesis.createStream("benchmark-unthrottled", 4);
            String output = application(kinesis, data, "benchmark-unthrottled", Map.of("generator.enabled", "false"));
            Matcher published = match(PUBLISHED, output);
            Matcher complete = match(RUN_COMPLETE, output);
            long records = Long.parseLong(published.group(2).replace(",", ""));
            double seconds = Double.parseDouble(published.group(3));
            double cpuMicros = Double.parseDouble(complete.group(2)) * 1e6 / records;
            long rss = Long.parseLong(complete.group(3));
            return String.format("| Publish a 1,000,000-row file to kinesalite (4 shards, no limits) | %,d | %.1f | "
                    + "%,.0f | n/a (kinesalite's speed) | %.1f (whole process, start-up included) | %d | 0 | "
                    + "<= 20 µs/record, <= 256 MiB | %s |", records, seconds, records / seconds, cpuMicros, rss,
                    cpuMicros <= 20 && rss <= 256 ? "yes" : "**no**");
        } finally {
            deleteTree(data);
        }
    }

    /** The application generating and publishing a default day through 4 shards limited as Kinesis limits them. */
    private static String endToEndFourLimitedShards(Kinesalite kinesis) throws Exception {
        Path data = Files.createTempDirectory("txsim-benchmark-e2e");
        kinesis.createStream("benchmark-limited", 4);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(kinesis.endpoint(), kinesis.client())
                .limitShards(1_000, 1024 * 1024)) {
            long started = System.nanoTime();
            String output = application(kinesis, data, "benchmark-limited", Map.of(
                    "camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint(),
                    "publish.rateLimit.enabled", "true"));
            double wall = (System.nanoTime() - started) / 1e9;
            Matcher published = match(PUBLISHED, output);
            long records = Long.parseLong(published.group(2).replace(",", ""));
            double publishSeconds = Double.parseDouble(published.group(3));
            double share = records / publishSeconds / 4_000;
            return String.format("| Generate and publish a default day, 4 shards limited to 1,000 records/s and 1 MiB/s "
                    + "each (the physical limit: %.1f s) | %,d | %.1f (publishing %.1f) | %,.0f | %.1f%% | - | - | %,d "
                    + "| >= 95%% of capacity | %s |", records / 4_000.0, records, wall, publishSeconds,
                    records / publishSeconds, share * 100, proxy.throttledRecords(), share >= 0.95 ? "yes" : "**no**");
        } finally {
            deleteTree(data);
        }
    }

    /** Runs the application in run-once mode against the benchmark's kinesalite and returns its output. */
    private static String application(Kinesalite kinesis, Path data, String stream, Map<String, String> settings)
            throws Exception {
        ApplicationProcess application = new ApplicationProcess(data.resolve("app.log"))
                .setAll(kinesis.componentProperties())
                .set("kinesis.local.enabled", "false")
                .set("kinesis.streamName", stream)
                .set("app.runOnce", "true")
                .set("publish.rateLimit.enabled", "false")
                .set("publish.progressInterval", "0")
                .set("folders.source", data.resolve("source").toString())
                .set("folders.archive", data.resolve("archive").toString())
                .set("folders.failed", data.resolve("failed").toString())
                .set("folders.checkpoints", data.resolve("checkpoints").toString())
                .setAll(settings)
                .start();
        int status = application.awaitExit(Duration.ofMinutes(10));
        if (status != 0) {
            throw new IllegalStateException("the application failed:\n" + application.output());
        }
        return application.output();
    }

    private static Matcher match(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no line matching " + pattern + " in:\n" + output);
        }
        return m;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static String row(String name, Run run, String target, boolean met) {
        return String.format("| %s | %,d | %.2f | %,.0f | %.3f | %d | %s | %s |", name, run.rows(), run.wallSeconds(),
                run.rows() / run.wallSeconds(), run.slowestFileSeconds(), run.peakRssMib(), target,
                met ? "yes" : "**no**");
    }

    private static String report(List<String> table) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# Benchmarks\n\n");
        text.append("Made by `mvn -q test-compile exec:exec@benchmark` on ").append(LocalDate.now()).append(", on ")
                .append(machine()).append(".\n\n");
        text.append("Generation: each case runs in its own JVM, ").append(RUNS).append(" times; the table shows the ")
                .append("run of median wall time. *Whole process* is from starting the JVM to its exit, the files ")
                .append("renamed into place; *one file in-process* is the longest one day's file took to generate and ")
                .append("write inside the process; peak RSS is the JVM's VmHWM (default heap settings).\n\n")
                .append("Publishing: the application runs once, as its own JVM with default heap settings, against a ")
                .append("kinesalite the benchmark starts on loopback (for the limited case, through the tests' ")
                .append("fault-injection proxy enforcing the per-shard limits, with the publisher's rate limiter on). ")
                .append("Records/s and wall time are the publishing of the file, from the application's summary; CPU ")
                .append("and RSS are the whole process's.\n\n");
        table.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    private static String machine() throws IOException {
        String cpu = "unknown processor";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse(cpu);
        } catch (IOException e) {
            // not Linux: say so below
        }
        long memoryGib = 0;
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            memoryGib = lines.filter(l -> l.startsWith("MemTotal:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0) >> 20;
        } catch (IOException e) {
            // not Linux: reported as 0
        }
        return String.format("%d cores (%s), %d GiB of memory, Java %s, %s %s",
                Runtime.getRuntime().availableProcessors(), cpu, memoryGib, System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
