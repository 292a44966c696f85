package io.github.txsim.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TransactionFiles;

/**
 * Labels that arrive later, at the cost of one: a 30-day backfill of the default population (about 2.9 million rows,
 * generated once) published to JSON Lines files (a destination that costs little of its own, so the labels' share
 * shows) with labels.mode=inline and then delayed, in the same run; target: records/s and CPU per record within 10%
 * of inline. A third run with labels.atEnd=wait leaves the last days' labels waiting: the store's size on disk.
 */
final class LabelsCase {

    static final String NAME = "labels";
    private static final int DAYS = 30;
    private static final Pattern PUBLISHED = Pattern.compile("Published \\S+: ([\\d,]+) rows");
    private static final Pattern COMPLETE = Pattern.compile("Run complete: .* in ([\\d.]+) s; process CPU ([\\d.]+) s, "
            + "peak RSS (\\d+) MiB");
    private static final Pattern WAITING = Pattern.compile("Label events: ([\\d,]+) sent to .*, ([\\d,]+) waiting");

    private LabelsCase() {
    }

    /** The case's table. */
    static List<String> table(Kinesalite kinesis, Path work) throws Exception {
        Path days = Files.createDirectories(work.resolve("labels-days"));
        Benchmark.run(List.of(Benchmark.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "io.github.txsim.app.Application", "generate", "--from", "2026-10-01", "--days",
                Integer.toString(DAYS), "--out", days.toString(), "--no-report"));
        List<String> table = new ArrayList<>();
        table.add("| Labels (" + DAYS + "-day backfill to JSON Lines) | Records | Publishing (s) | Records/s | CPU per "
                + "record (µs) | Peak RSS (MiB) | Label events sent / waiting | Store on disk | Target | Met |");
        table.add("|---|---:|---:|---:|---:|---:|---|---:|---|---|");
        Run inline = run(kinesis, work, days, "inline", "send");
        Run delayed = run(kinesis, work, days, "delayed", "send");
        Run waiting = run(kinesis, work, days, "delayed", "wait");
        boolean met = delayed.recordsPerSecond() >= 0.9 * inline.recordsPerSecond()
                && delayed.cpuMicros() <= 1.1 * inline.cpuMicros();
        table.add(inline.row("labels.mode=inline", "-", "the reference", "-"));
        table.add(delayed.row("labels.mode=delayed, labels.atEnd=send",
                String.format("%.0f%% of inline's records/s, %.0f%% of its CPU per record",
                        100 * delayed.recordsPerSecond() / inline.recordsPerSecond(),
                        100 * delayed.cpuMicros() / inline.cpuMicros()), "within 10% of inline", Benchmark.yes(met)));
        table.add(waiting.row("labels.mode=delayed, labels.atEnd=wait", "-", "-", "-"));
        return table;
    }

    /** One run's figures. */
    private record Run(long records, double seconds, double cpuSeconds, long peakRssMib, String labels, long storeBytes) {

        double recordsPerSecond() {
            return records / seconds;
        }

        double cpuMicros() {
            return cpuSeconds * 1e6 / records;
        }

        String row(String name, String note, String target, String met) {
            return String.format("| %s%s | %,d | %.1f | %,.0f | %.1f | %d | %s | %,d bytes | %s | %s |", name,
                    note.equals("-") ? "" : " (" + note + ")", records, seconds, recordsPerSecond(), cpuMicros(),
                    peakRssMib, labels, storeBytes, target, met);
        }
    }

    private static Run run(Kinesalite kinesis, Path work, Path days, String mode, String atEnd) throws Exception {
        Path data = Files.createTempDirectory(work, "labels-" + mode);
        Path source = Files.createDirectories(data.resolve("source"));
        try (Stream<Path> files = Files.list(days)) {
            for (Path day : files.sorted().toList()) {
                Path copy = Files.copy(day, data.resolve(day.getFileName() + ".part"));
                TransactionFiles.handOver(copy, source.resolve(day.getFileName()));
            }
        }
        Map<String, String> settings = new HashMap<>(Map.of("generator.enabled", "false", "publish.sink", "files",
                "files.folder", data.resolve("records").toString(), "files.labels.folder",
                data.resolve("labels").toString(), "labels.mode", mode, "labels.atEnd", atEnd, "app.verify", "false"));
        String output = Benchmark.application(kinesis, data, "unused", settings);
        long records = 0;
        Matcher published = PUBLISHED.matcher(output);
        while (published.find()) {
            records += Long.parseLong(published.group(1).replace(",", ""));
        }
        Matcher complete = COMPLETE.matcher(output);
        if (!complete.find()) {
            throw new IllegalStateException("no run summary in:\n" + output);
        }
        Matcher labels = WAITING.matcher(output);
        String sentWaiting = labels.find() ? labels.group(1) + " / " + labels.group(2) : "-";
        long store = 0;
        Path waiting = data.resolve("checkpoints").resolve("labels");
        if (Files.isDirectory(waiting)) {
            try (Stream<Path> files = Files.list(waiting)) {
                for (Path file : files.toList()) {
                    store += Files.size(file);
                }
            }
        }
        Run run = new Run(records, Double.parseDouble(complete.group(1)), Double.parseDouble(complete.group(2)),
                Long.parseLong(complete.group(3)), sentWaiting, store);
        Folders.deleteTree(data);
        return run;
    }
}
