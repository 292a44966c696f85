package io.github.txsim.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.txsim.testing.Folders;

/**
 * The benchmark's generation cases: the {@code generate} command ({@code Application generate}, the jar's main) run
 * as its own JVM, a few times each, measured from its start to its exit; the files are deleted after each run.
 */
final class GenerationCases {

    static final List<String> NAMES = List.of("reference", "day", "national", "backfill", "verify", "report");
    static final int RUNS = 3;
    private static final Pattern GENERATED = Pattern.compile("Generated (\\d+) file\\(s\\): (\\d+) rows in ([\\d.]+) s "
            + "\\((\\d+) rows/s\\), slowest file ([\\d.]+) s, peak RSS (\\d+) MiB, process CPU ([\\d.]+) s");
    /** The national-scale cases run with the heap the issue sets them. */
    private static final List<String> SMALL_HEAP = List.of("-Xmx128m");

    private GenerationCases() {
    }

    /** One measured run of a generator process. */
    record Run(long rows, double wallSeconds, double slowestFileSeconds, long peakRssMib, double cpuSeconds) {

        double rowsPerSecond() {
            return rows / wallSeconds;
        }

        double cpuMicrosPerRow() {
            return cpuSeconds * 1e6 / rows;
        }
    }

    /** The table of the selected cases. */
    static List<String> table(Set<String> cases) throws Exception {
        List<String> table = new ArrayList<>();
        table.add("| Case | Rows | Whole process (s) | Rows/s | One file in-process (s) | CPU per row (µs) | Peak RSS (MiB) "
                + "| Target | Met |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---|---|");
        if (cases.contains("reference")) {
            Run reference = median(() -> generate(List.of(), "5000", "10000", "2018-04-01", "183"));
            table.add(row("Generate the reference dataset: 5,000 customers, 10,000 terminals, 183 days, r = 5",
                    reference, "whole process <= 1.0 s", reference.wallSeconds() <= 1.0));
        }
        if (cases.contains("day")) {
            Run day = median(() -> generate(List.of(), "50000", "100000", LocalDate.now().toString(), "1"));
            table.add(row("Generate one default day: 50,000 customers, 100,000 terminals", day,
                    "day <= 0.5 s in-process, whole process <= 2 s",
                    day.slowestFileSeconds() <= 0.5 && day.wallSeconds() <= 2));
        }
        Run national = null;
        if (cases.contains("national") || cases.contains("backfill")) {
            national = median(() -> generate(SMALL_HEAP, "10000000", "1000000", "2026-11-01", "1"));
        }
        if (cases.contains("national")) {
            table.add(row("Generate a national-scale day: 10,000,000 customers, 1,000,000 terminals, -Xmx128m",
                    national, "whole process <= 15 s, peak RSS <= 300 MiB",
                    national.wallSeconds() <= 15 && national.peakRssMib() <= 300));
        }
        if (cases.contains("backfill")) {
            Run backfill = median(() -> generate(SMALL_HEAP, "1000000", "1000000", "2026-10-01", "30"));
            table.add(row("Backfill 30 days of 1,000,000 customers, 1,000,000 terminals, -Xmx128m", backfill,
                    String.format("rows/s >= the national day's (%,.0f)", national.rowsPerSecond()),
                    backfill.rowsPerSecond() >= national.rowsPerSecond()));
        }
        if (cases.contains("verify")) {
            Run verify = median(() -> onNationalDay(GenerationCases::verify));
            table.add(row("Verify a national-scale day's 19.4 million rows against their records (ids and bitmaps; "
                    + "reading the stream left out), -Xmx128m", verify, "peak RSS <= 256 MiB",
                    verify.peakRssMib() <= 256));
        }
        if (cases.contains("report")) {
            Run report = median(() -> onNationalDay(GenerationCases::report));
            table.add(row("Report a national-scale day's 19.4 million rows from its file (the report command, one "
                    + "streaming pass), -Xmx128m", report, "peak RSS <= 256 MiB", report.peakRssMib() <= 256));
        }
        return table;
    }

    private static final Pattern VERIFIED = Pattern.compile("Verified (\\d+) rows in ([\\d.]+) s, peak RSS (\\d+) MiB, "
            + "process CPU ([\\d.]+) s");

    private interface OnFile {
        Run run(Path file, Path folder) throws Exception;
    }

    /** One day generated into the folder by a JVM of its own at -Xmx128m, without its report. */
    static void generateInto(Path out, String customers, String terminals, String day) throws Exception {
        run(List.of(java(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "io.github.txsim.app.Application", "generate", "--customers", customers, "--terminals", terminals,
                "--from", day, "--out", out.toString(), "--no-report"));
    }

    /** Generates the national day (without its report), then measures a JVM of its own on its file. */
    private static Run onNationalDay(OnFile measurement) throws Exception {
        Path out = Files.createTempDirectory("txsim-benchmark");
        try {
            generateInto(out, "10000000", "1000000", "2026-11-01");
            Path file;
            try (Stream<Path> files = Files.list(out)) {
                file = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
            }
            return measurement.run(file, out);
        } finally {
            Folders.deleteTree(out);
        }
    }

    /** VerificationMemoryProbe on the file. */
    private static Run verify(Path file, Path folder) throws Exception {
        long started = System.nanoTime();
        String output = run(List.of(java(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "io.github.txsim.verification.VerificationMemoryProbe", file.toString()));
        double wall = (System.nanoTime() - started) / 1e9;
        Matcher m = VERIFIED.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("the probe failed:\n" + output);
        }
        return new Run(Long.parseLong(m.group(1)), wall, Double.parseDouble(m.group(2)),
                Long.parseLong(m.group(3)), Double.parseDouble(m.group(4)));
    }

    private static final Pattern REPORTED = Pattern.compile("Wrote .*: \\d+ day\\(s\\), ([\\d,]+) rows from \\d+ "
            + "file\\(s\\), [\\d,]+ rows not counted, in ([\\d.]+) s \\(peak RSS (\\d+) MiB, process CPU ([\\d.]+) s\\)");

    /** The report command on the file, with the national settings. */
    private static Run report(Path file, Path folder) throws Exception {
        long started = System.nanoTime();
        String output = run(List.of(java(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "io.github.txsim.app.Application", "report", "--customers", "10000000", "--terminals", "1000000",
                "--out", folder.resolve("report.html").toString(), file.toString()));
        double wall = (System.nanoTime() - started) / 1e9;
        Matcher m = REPORTED.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("the report command failed:\n" + output);
        }
        return new Run(Long.parseLong(m.group(1).replace(",", "")), wall, Double.parseDouble(m.group(2)),
                Long.parseLong(m.group(3)), Double.parseDouble(m.group(4)));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private interface Measurement {
        Run run() throws Exception;
    }

    /** Runs a measurement several times and keeps the run of median wall time. */
    private static Run median(Measurement measurement) throws Exception {
        List<Run> all = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            all.add(measurement.run());
        }
        all.sort((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds()));
        return all.get(RUNS / 2);
    }

    /** Runs the generate command in a new JVM and measures it from its start to its exit. */
    private static Run generate(List<String> jvmOptions, String customers, String terminals, String from, String days)
            throws Exception {
        Path out = Files.createTempDirectory("txsim-benchmark");
        try {
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.github.txsim.app.Application",
                    "generate", "--customers", customers, "--terminals", terminals, "--start-date", "2018-04-01",
                    "--from", from, "--days", days, "--out", out.toString(), "--reports",
                    out.resolve("reports").toString()));
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = process.waitFor();
            double wall = (System.nanoTime() - started) / 1e9;
            Matcher m = GENERATED.matcher(output);
            if (status != 0 || !m.find()) {
                throw new IllegalStateException("the generator failed (exit " + status + "):\n" + output);
            }
            return new Run(Long.parseLong(m.group(2)), wall, Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)),
                    Double.parseDouble(m.group(7)));
        } finally {
            Folders.deleteTree(out);
        }
    }

    private static String row(String name, Run run, String target, boolean met) {
        return String.format("| %s | %,d | %.2f | %,.0f | %.3f | %.2f | %d | %s | %s |", name, run.rows(),
                run.wallSeconds(), run.rowsPerSecond(), run.slowestFileSeconds(), run.cpuMicrosPerRow(),
                run.peakRssMib(), target, met ? "yes" : "**no**");
    }
}
