package io.github.txsim.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
        text.append("Each case runs in its own JVM, ").append(RUNS).append(" times; the table shows the run of median ")
                .append("wall time. *Whole process* is from starting the JVM to its exit, the files renamed into ")
                .append("place; *one file in-process* is the longest one day's file took to generate and write inside ")
                .append("the process; peak RSS is the JVM's VmHWM (default heap settings).\n\n");
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
