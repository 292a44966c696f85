package io.github.txsim.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisFaultProxy;
import io.github.txsim.testing.KinesisFaultProxy.Arrival;
import io.github.txsim.testing.TransactionFiles;

/**
 * The project's benchmark (not a test): runs each case as its own JVM, a few times, prints a table, and writes it to
 * {@code docs/benchmarks.md} with the machine and the date.
 *
 * <pre>mvn -q test-compile exec:exec@benchmark</pre>
 */
public final class Benchmark {


    private Benchmark() {
    }

    /** The cases, by the names the optional argument selects them with (comma-separated; all by default). */
    private static final List<String> PUBLISHING_CASES = List.of("million", "limited-1", "limited-4", "limited-16",
            "e2e", "realtime", "speedup", "rate");
    private static final List<String> CASES = Stream.of(GenerationCases.NAMES, PUBLISHING_CASES,
            List.of(KafkaCase.NAME, ChaosCase.NAME, LabelsCase.NAME), AggregationCases.NAMES).flatMap(List::stream)
            .toList();

    public static void main(String[] args) throws Exception {
        Set<String> cases = args.length == 0 || args[0].equals("all") ? Set.copyOf(CASES)
                : Set.of(args[0].split(","));
        if (!CASES.containsAll(cases)) {
            throw new IllegalArgumentException("unknown case in " + cases + "; the cases are " + CASES);
        }
        List<String> generation = GenerationCases.table(cases);

        List<String> publishing = new ArrayList<>();
        publishing.add("| Case | Records | Publishing (s) | Records/s | Share of capacity | CPU per record (µs) "
                + "| Peak RSS (MiB) | Throttled retries per record | Lost | Duplicated | Target | Met |");
        publishing.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        List<String> pacing = new ArrayList<>();
        pacing.add("| Case | Records | Measured | Target | Met |");
        pacing.add("|---|---:|---|---|---|");
        List<String> aggregation = new ArrayList<>();
        if (PUBLISHING_CASES.stream().anyMatch(cases::contains) || cases.contains(KafkaCase.NAME)
                || AggregationCases.NAMES.stream().anyMatch(cases::contains)) {
            publishAndPace(cases, publishing, pacing, aggregation);
        }
        List<String> labels = new ArrayList<>();
        if (cases.contains(LabelsCase.NAME)) {
            Kinesalite kinesis = new Kinesalite();
            kinesis.beforeAll(null);
            Path work = Files.createTempDirectory("txsim-benchmark");
            try {
                labels.addAll(LabelsCase.table(kinesis, work));
            } finally {
                kinesis.afterAll(null);
                Folders.deleteTree(work);
            }
        }
        List<String> chaos = ChaosCase.table(cases);
        List<String> tables = new ArrayList<>(generation);
        tables.add("");
        tables.addAll(publishing);
        if (!aggregation.isEmpty()) {
            tables.add("");
            tables.addAll(aggregation);
        }
        tables.add("");
        tables.addAll(pacing);
        if (!labels.isEmpty()) {
            tables.add("");
            tables.addAll(labels);
        }
        if (!chaos.isEmpty()) {
            tables.add("");
            tables.addAll(chaos);
        }

        String report = report(tables);
        System.out.println(report);
        if (cases.size() == CASES.size()) {
            Path docs = Files.createDirectories(Path.of("docs"));
            Files.writeString(docs.resolve("benchmarks.md"), report + keptPart(docs.resolve("benchmarks.md")),
                    StandardCharsets.UTF_8);
            System.out.println("Written to docs/benchmarks.md");
        } else {
            System.out.println("Some cases only: docs/benchmarks.md left as it was");
        }
    }

    /** Runs the selected publishing and pacing cases against a kinesalite of their own. */
    private static void publishAndPace(Set<String> cases, List<String> publishing, List<String> pacing,
            List<String> aggregation) throws Exception {
        Kinesalite kinesis = new Kinesalite();
        kinesis.beforeAll(null);
        Path work = Files.createTempDirectory("txsim-benchmark");
        try {
            List<String> bigDay = bigDay(work);
            if (cases.contains("million")) {
                publishing.add(publishMillionRows(kinesis, work, bigDay));
            }
            if (cases.contains(KafkaCase.NAME)) {
                publishing.addAll(KafkaCase.rows(kinesis, work, bigDay));
            }
            for (int shards : new int[] {1, 4, 16}) {
                if (cases.contains("limited-" + shards)) {
                    publishing.add(limitedShards(kinesis, work, bigDay, shards));
                }
            }
            if (AggregationCases.NAMES.stream().anyMatch(cases::contains)) {
                aggregation.addAll(AggregationCases.table(cases, kinesis, work, bigDay));
            }
            if (cases.contains("e2e")) {
                publishing.add(endToEndFourLimitedShards(kinesis, work));
            }
            if (cases.contains("realtime")) {
                pacing.add(realtimePacing(kinesis, work, bigDay));
            }
            if (cases.contains("speedup")) {
                pacing.add(speedUpPacing(kinesis, work, bigDay));
            }
            if (cases.contains("rate")) {
                pacing.add(ratePacing(kinesis, work, bigDay));
            }
        } finally {
            kinesis.afterAll(null);
            Folders.deleteTree(work);
        }
    }

    /** The heading below which docs/benchmarks.md holds text of its own (figures from test runs), kept as it is. */
    private static final String KEPT = "## From test runs";

    /** What docs/benchmarks.md holds from {@link #KEPT} on, or nothing. */
    private static String keptPart(Path doc) throws IOException {
        String text = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        int at = text.indexOf(KEPT);
        return at < 0 ? "" : "\n" + text.substring(at);
    }

    private static final Pattern PUBLISHED = Pattern.compile("Published \\S+: ([\\d,]+) rows, ([\\d,]+) records "
            + "acknowledged.*? in ([\\d.]+) s \\(([\\d,]+) records/s, process CPU ([\\d.]+) s\\)");
    private static final Pattern RUN_COMPLETE = Pattern.compile("Run complete: .* in ([\\d.]+) s; process CPU "
            + "([\\d.]+) s, peak RSS (\\d+) MiB");
    /** The JVM options the application runs with here, as the service unit in deploy/ runs it. */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx128m");
    private static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 11, 1, 12, 0);

    /** One application run's figures, from its summary lines. */
    record Published(long records, double seconds, double cpuSeconds, long peakRssMib) {

        static Published from(String output) {
            Matcher published = match(PUBLISHED, output);
            Matcher complete = match(RUN_COMPLETE, output);
            return new Published(Long.parseLong(published.group(2).replace(",", "")),
                    Double.parseDouble(published.group(3)), Double.parseDouble(published.group(5)),
                    Long.parseLong(complete.group(3)));
        }

        double recordsPerSecond() {
            return records / seconds;
        }

        double cpuMicrosPerRecord() {
            return cpuSeconds * 1e6 / records;
        }
    }

    /** The header and rows of one day of about 1,000,000 transactions (520,000 customers), 2026-11-01. */
    private static List<String> bigDay(Path work) throws Exception {
        Path staging = Files.createDirectories(work.resolve("staging"));
        run(List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "io.github.txsim.app.Application", "generate", "--customers", "520000", "--terminals", "200000",
                "--from", NOON.toLocalDate().toString(), "--out", staging.toString(), "--no-report"));
        try (Stream<Path> files = Files.list(staging)) {
            Path file = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
            return Files.readAllLines(file);
        } finally {
            Folders.deleteTree(staging);
        }
    }

    /** A source file of the header and the given rows, in a new data folder, ready for the application. */
    static Path dataWith(Path work, String name, List<String> header, List<String> rows) throws IOException {
        Path data = Files.createTempDirectory(work, name);
        Path staging = Files.createDirectories(data.resolve("staging"));
        Path source = Files.createDirectories(data.resolve("source"));
        Path file = staging.resolve(name + ".csv");
        Files.write(file, header);
        Files.write(file, rows, StandardOpenOption.APPEND);
        TransactionFiles.handOver(file, source.resolve(file.getFileName()));
        return data;
    }

    /** A file of 1,000,000 rows published by the application, as its own process, to kinesalite, unthrottled. */
    private static String publishMillionRows(Kinesalite kinesis, Path work, List<String> bigDay) throws Exception {
        Path data = dataWith(work, "million", bigDay.subList(0, 1), bigDay.subList(1, 1_000_001));
        kinesis.createStream("benchmark-unthrottled", 4);
        Published run = Published.from(application(kinesis, data, "benchmark-unthrottled",
                Map.of("generator.enabled", "false")));
        boolean met = run.cpuMicrosPerRecord() <= 8 && run.peakRssMib() <= 256;
        return String.format("| Publish a 1,000,000-row file to kinesalite (4 shards, no limits) | %,d | %.1f | %,.0f "
                + "| n/a (kinesalite's speed) | %.1f | %d | 0 | - | - | <= 8 µs/record, <= 256 MiB | %s |",
                run.records(), run.seconds(), run.recordsPerSecond(), run.cpuMicrosPerRecord(), run.peakRssMib(),
                yes(met));
    }

    /**
     * Records published through shards limited as Kinesis limits them, the proxy acting as the stream (its sink mode,
     * as kinesalite cannot take 16 shards' rate here): 30 seconds' worth at the shards' capacity.
     */
    private static String limitedShards(Kinesalite kinesis, Path work, List<String> bigDay, int shards)
            throws Exception {
        int records = shards * 30_000;
        List<String> rows = bigDay.subList(1, records + 1);
        Path data = dataWith(work, "limited-" + shards, bigDay.subList(0, 1), rows);
        String stream = "benchmark-sink-" + shards;
        kinesis.createStream(stream, shards);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(kinesis.endpoint(), kinesis.client())
                .limitShards(1_000, 1024 * 1024).sink()) {
            Published run = Published.from(application(kinesis, data, stream, Map.of(
                    "generator.enabled", "false",
                    "camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint(),
                    "kinesis.rateLimit.enabled", "true")));
            Map<Long, Integer> arrivals = proxy.arrivalCounts();
            long lost = lost(rows, arrivals);
            long duplicated = duplicated(arrivals);
            double share = run.recordsPerSecond() / (shards * 1_000.0);
            boolean met = lost == 0 && duplicated == 0 && (shards == 1 || share >= 0.95);
            return String.format("| Publish through %d shard(s) limited to 1,000 records/s and 1 MiB/s each (the "
                    + "proxy's sink), rate limiter on | %,d | %.1f | %,.0f | %.1f%% | %.1f | %d | %.4f | %d | %d | %s "
                    + "| %s |", shards, run.records(), run.seconds(), run.recordsPerSecond(), share * 100,
                    run.cpuMicrosPerRecord(), run.peakRssMib(), proxy.throttledRecords() / (double) records, lost,
                    duplicated, shards == 1 ? "nothing lost or duplicated" : ">= 95% of capacity, nothing lost or "
                            + "duplicated", yes(met));
        }
    }

    /** The application generating and publishing a default day through 4 shards limited as Kinesis limits them. */
    private static String endToEndFourLimitedShards(Kinesalite kinesis, Path work) throws Exception {
        Path data = Files.createTempDirectory(work, "e2e");
        String stream = "benchmark-limited";
        kinesis.createStream(stream, 4);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(kinesis.endpoint(), kinesis.client())
                .limitShards(1_000, 1024 * 1024)) {
            long started = System.nanoTime();
            Published run = Published.from(application(kinesis, data, stream, Map.of(
                    "camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint(),
                    "kinesis.rateLimit.enabled", "true")));
            double wall = (System.nanoTime() - started) / 1e9;
            List<String> rows;
            try (Stream<Path> archived = Files.list(data.resolve("archive"))) {
                rows = Files.readAllLines(archived.findFirst().orElseThrow());
            }
            rows = rows.subList(1, rows.size());
            Map<Long, Integer> arrivals = Delivery.arrivals(kinesis, stream);
            long lost = lost(rows, arrivals);
            long duplicated = duplicated(arrivals);
            double share = run.recordsPerSecond() / 4_000;
            return String.format("| Generate and publish a default day through 4 shards limited to 1,000 records/s "
                    + "and 1 MiB/s each (kinesalite behind the proxy; the physical limit: %.1f s; whole run %.1f s) "
                    + "| %,d | %.1f | %,.0f | %.1f%% | %.1f | %d | %.4f | %d | %d | >= 95%% of capacity | %s |",
                    run.records() / 4_000.0, wall, run.records(), run.seconds(), run.recordsPerSecond(), share * 100,
                    run.cpuMicrosPerRecord(), run.peakRssMib(), proxy.throttledRecords() / (double) run.records(),
                    lost, duplicated, yes(share >= 0.95 && lost == 0 && duplicated == 0));
        }
    }

    /**
     * Realtime pacing: ten minutes of rows whose event time has passed (or passes while the application starts),
     * then thirty seconds of rows due from 20 s after the application's launch. Each row's TX_DATETIME is moved by
     * the same amount. The rows already due when the file is picked up go at once, as a backlog; the rows due after
     * the backlog went must arrive within 1 s of their event time.
     */
    private static String realtimePacing(Kinesalite kinesis, Path work, List<String> bigDay) throws Exception {
        LocalDateTime origin = LocalDateTime.now().plusSeconds(20).withNano(0);
        Duration shift = Duration.between(NOON, origin);
        List<String> rows = shifted(window(bigDay, NOON.minusMinutes(10), NOON.plusSeconds(30)), shift);
        List<Arrival> arrivals = paced(kinesis, work, "realtime", bigDay.get(0), rows);
        Map<Long, Instant> due = dueTimes(rows);
        Instant pickedUp = arrivals.get(0).at();
        Instant backlogSent = arrivals.stream().filter(a -> due.get(a.transactionId()).isBefore(pickedUp))
                .map(Arrival::at).max(Instant::compareTo).orElse(pickedUp);
        long backlog = 0;
        long duringBacklog = 0;
        long timed = 0;
        double worstDuringBacklog = 0;
        double worst = 0;
        for (Arrival arrival : arrivals) {
            Instant dueAt = due.get(arrival.transactionId());
            double late = seconds(dueAt, arrival.at());
            if (dueAt.isBefore(pickedUp)) {
                backlog++;
            } else if (dueAt.isBefore(backlogSent)) {
                duringBacklog++;
                worstDuringBacklog = Math.max(worstDuringBacklog, late);
            } else {
                timed++;
                worst = Math.max(worst, Math.abs(late));
            }
        }
        return String.format("| Realtime pacing: a backlog of rows already due, then rows due over the next 45 s or so "
                + "| %,d | backlog of %,d rows sent in %.2f s; %,d rows fell due meanwhile (at most %.2f s late); the "
                + "%,d rows due after it arrived at most %.3f s from their TX_DATETIME | within 1 s of the wall clock "
                + "| %s |", arrivals.size(), backlog, seconds(pickedUp, backlogSent), duringBacklog,
                worstDuringBacklog, timed, worst, yes(timed > 0 && worst <= 1));
    }

    /** Speed-up pacing: thirty minutes of event time at k = 60 should take 30 s of wall time. */
    private static String speedUpPacing(Kinesalite kinesis, Path work, List<String> bigDay) throws Exception {
        double k = 60;
        List<String> rows = window(bigDay, NOON, NOON.plusMinutes(30));
        List<Arrival> arrivals = paced(kinesis, work, "60", bigDay.get(0), rows);
        Map<Long, Instant> events = dueTimes(rows);
        Instant firstEvent = events.get(arrivals.get(0).transactionId());
        Instant lastEvent = events.values().stream().max(Instant::compareTo).orElseThrow();
        double expected = seconds(firstEvent, lastEvent) / k;
        double measured = seconds(arrivals.get(0).at(), arrivals.get(arrivals.size() - 1).at());
        double worst = 0;
        for (Arrival arrival : arrivals) {
            double planned = seconds(firstEvent, events.get(arrival.transactionId())) / k;
            worst = Math.max(worst, Math.abs(seconds(arrivals.get(0).at(), arrival.at()) - planned));
        }
        double error = Math.abs(measured / expected - 1);
        return String.format("| Speed-up k = 60: 30 minutes of event time | %,d | %.2f s for %.2f s expected (%.2f%% "
                + "off); each record at most %.3f s from its planned time | within 5%% | %s |", arrivals.size(),
                measured, expected, error * 100, worst, yes(error <= 0.05));
    }

    /** Publishes rows with the given pacing through the proxy's sink, and returns what arrived, in order. */
    /** rate:1000 for a minute of records: the achieved rate, and each record's distance from its planned time. */
    private static String ratePacing(Kinesalite kinesis, Path work, List<String> bigDay) throws Exception {
        double perSecond = 1_000;
        List<String> rows = bigDay.subList(1, 60_001);
        List<Arrival> arrivals = paced(kinesis, work, "rate:1000", bigDay.get(0), rows);
        double measured = seconds(arrivals.get(0).at(), arrivals.get(arrivals.size() - 1).at());
        double expected = (arrivals.size() - 1) / perSecond;
        double worst = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            double planned = i / perSecond;
            worst = Math.max(worst, Math.abs(seconds(arrivals.get(0).at(), arrivals.get(i).at()) - planned));
        }
        double error = Math.abs(measured / expected - 1);
        return String.format("| Rate 1,000 records/s: 60,000 records | %,d | %.2f s for %.2f s expected (%.2f%% off, "
                + "%,.0f records/s); each record at most %.3f s from its planned time | within 5%% | %s |",
                arrivals.size(), measured, expected, error * 100, (arrivals.size() - 1) / measured, worst,
                yes(error <= 0.05));
    }

    private static List<Arrival> paced(Kinesalite kinesis, Path work, String pacing, String header, List<String> rows)
            throws Exception {
        Path data = dataWith(work, "paced", List.of(header), rows);
        String stream = "benchmark-paced-" + pacing.replace(':', '-');
        kinesis.createStream(stream, 4);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(kinesis.endpoint(), kinesis.client()).sink()) {
            application(kinesis, data, stream, Map.of(
                    "generator.enabled", "false",
                    "camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint(),
                    "publish.pacing", pacing));
            List<Arrival> arrivals = proxy.arrivals();
            Map<Long, Integer> counts = proxy.arrivalCounts();
            if (lost(rows, counts) != 0 || duplicated(counts) != 0) {
                throw new IllegalStateException("paced publishing lost or duplicated records");
            }
            return arrivals;
        }
    }

    /** The rows whose TX_DATETIME lies in [from, to). */
    private static List<String> window(List<String> day, LocalDateTime from, LocalDateTime to) {
        String first = EVENT_TIME.format(from);
        String last = EVENT_TIME.format(to);
        return day.subList(1, day.size()).stream().filter(row -> {
            String time = column(row, 1);
            return time.compareTo(first) >= 0 && time.compareTo(last) < 0;
        }).toList();
    }

    /** The rows with TX_DATETIME moved by the given amount (the rest of each row unchanged). */
    private static List<String> shifted(List<String> rows, Duration shift) {
        return rows.stream().map(row -> {
            String[] columns = row.split(",", -1);
            columns[1] = EVENT_TIME.format(LocalDateTime.parse(columns[1], EVENT_TIME).plus(shift));
            return String.join(",", columns);
        }).toList();
    }

    /** Each row's TX_DATETIME as an instant in this machine's time zone (as the application reads it). */
    private static Map<Long, Instant> dueTimes(List<String> rows) {
        Map<Long, Instant> due = new HashMap<>();
        for (String row : rows) {
            due.put(Long.parseLong(column(row, 0)),
                    LocalDateTime.parse(column(row, 1), EVENT_TIME).atZone(ZoneId.systemDefault()).toInstant());
        }
        return due;
    }

    private static String column(String row, int index) {
        return row.split(",", index + 2)[index];
    }

    private static long lost(List<String> rows, Map<Long, Integer> arrivals) {
        return rows.stream().filter(row -> !arrivals.containsKey(Long.parseLong(column(row, 0)))).count();
    }

    private static long duplicated(Map<Long, Integer> arrivals) {
        return Delivery.duplicated(arrivals);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    static String yes(boolean met) {
        return met ? "yes" : "**no**";
    }

    /** Runs the application in run-once mode against the benchmark's kinesalite and returns its output. */
    static String application(Kinesalite kinesis, Path data, String stream, Map<String, String> settings)
            throws Exception {
        ApplicationProcess application = ApplicationProcess.runOnce(kinesis, stream, data, "app")
                .set("generator.enabled", "true")
                .set("kinesis.rateLimit.enabled", "false")
                .set("publish.progressInterval", "0")
                .setAll(settings);
        JVM_OPTIONS.forEach(application::jvmOption);
        application.start();
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

    static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static String report(List<String> table) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# Benchmarks\n\n");
        text.append("Made by `mvn -q test-compile exec:exec@benchmark` on ").append(LocalDate.now()).append(", on ")
                .append(machine()).append(".\n\n");
        text.append("Generation: each case runs the `generate` command in its own JVM, ").append(GenerationCases.RUNS)
                .append(" times; the table shows the ")
                .append("run of median wall time. *Whole process* is from starting the JVM to its exit, the files ")
                .append("renamed into place; *one file in-process* is the longest one day's file took to generate and ")
                .append("write inside the process; *CPU per row* is the process's CPU time (all threads, start-up included) "
                + "over its rows; peak RSS is the JVM's VmHWM (default heap settings unless the case names "
                + "-Xmx128m).\n\n")
                .append("Publishing: the application runs once, as its own JVM with ")
                .append(String.join(" ", JVM_OPTIONS)).append(" (as the service unit runs it), against a kinesalite ")
                .append("the benchmark starts on loopback, or through the tests' fault-injection proxy, which enforces ")
                .append("the per-shard limits and, in its sink mode, acknowledges records itself (kinesalite cannot ")
                .append("take 16 shards' rate on this machine). *Publishing* and records/s come from the application's ")
                .append("summary of the file, from picking it up to its last acknowledgement. *CPU per record* is the ")
                .append("whole process's CPU time over that span (start-up excluded, JIT compilation and GC included) ")
                .append("divided by the records; peak RSS is the process's VmHWM. Lost and duplicated compare the ")
                .append("file's transaction ids with what arrived in the stream.\n\n")
                .append("Kafka: a one-node Kafka broker (KRaft, the build's emulator/kafka, 1 GiB heap) on loopback; ")
                .append("the application publishes the same 1,000,000-row file with publish.sink=kafka, then Kafka's ")
                .append("own ProducerPerformance (kafka-tools, the kafka-producer-perf-test tool, -Xmx128m too) sends ")
                .append("as many records of the application's mean record size, unkeyed (the tool sets no key), with ")
                .append("the same producer settings, to a topic of as many partitions. The tool's records/s is its own ")
                .append("summary; its CPU per record is the whole process's (start-up included, from /usr/bin/time), ")
                .append("so it is a little high. The topic is read back to count what the application lost or ")
                .append("duplicated; the tool checks nothing.\n\n")
                .append("KPL aggregation: the same file through the proxy's sink with each shard limited to 1,000 ")
                .append("records/s and 1 MiB/s and the rate limiter on, aggregation off, then on (kinesis.aggregation=")
                .append("kpl, aggregated records of 50 KiB at most); the share is of the shards' record limit when off ")
                .append("and of their byte limit (data and partition keys, as Kinesis counts them) when on. PUT payload ")
                .append("units count each Kinesis record's 25 KB chunks, as provisioned mode bills them. The national ")
                .append("case generates a day of 10,000,000 customers first (its own JVM, -Xmx128m), then publishes its ")
                .append("19.4 million rows the same way into 16 shards; lost and duplicated are counted from the ")
                .append("file and what the proxy took.\n\n")
                .append("Pacing: the application publishes through the proxy's sink, which records when each record ")
                .append("arrived.\n\n")
                .append("Operations chaos: ").append(ChaosCase.KINESIS_SCHEDULES + 2).append(" seeded schedules of ")
                .append(ChaosCase.STEPS).append(" actions each against a service process (`OperationsChaos`), ")
                .append(ChaosCase.KINESIS_SCHEDULES).append(" publishing to Kinesis and one to each kind of Kafka ")
                .append("broker (one that creates topics its clients ask for, one that does not): files handed over, ")
                .append("written by a writer that pauses with the file open, appended to after closing, truncated ")
                .append("while written; a FIFO named like a file; the archive folder read-only for a while; the ")
                .append("source folder deleted with its files and created again; kill -9 and SIGTERM with restarts (a ")
                .append("refused start tried again, as systemd does); a second instance on the folder; on Kinesis the ")
                .append("endpoint gone and the stream deleted and created again, on Kafka the broker killed and the ")
                .append("topic deleted (created again by the producer, or by hand). Then every line of every file must ")
                .append("be acknowledged or named, no row may be missing from the archive and failed folders (but rows ")
                .append("a writer cut off or that went with the source folder), and duplicates stay within the groups ")
                .append("in flight (4 x 100 rows) per disruption.\n\n");
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

    static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
