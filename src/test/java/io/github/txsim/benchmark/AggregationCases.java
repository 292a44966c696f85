package io.github.txsim.benchmark;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisFaultProxy;

/**
 * KPL aggregation against shards limited as Kinesis limits them (the fault proxy's sink, 1,000 records/s and 1 MiB/s
 * a shard), with the application's rate limiter on: 4 and 16 shards, aggregation off and on in the same run, and a
 * national day (10,000,000 customers) generated and published into 16 shards with aggregation on.
 */
final class AggregationCases {

    static final List<String> NAMES = List.of("aggregation", "national-aggregated");
    private static final double MIB = 1024 * 1024;

    private AggregationCases() {
    }

    /** One run's figures: the application's, and what the proxy took. */
    private record Run(Benchmark.Published published, int shards, long bytes, long units, long lost,
            long duplicated) {

        double perShard() {
            return published.recordsPerSecond() / shards;
        }

        /** Of the shards' record limit (off), or of their byte limit (on): what binds each. */
        double share(boolean aggregated) {
            return aggregated ? bytes / published.seconds() / (shards * MIB) : perShard() / 1_000;
        }

        double unitsPerThousand() {
            return units * 1_000.0 / published.records();
        }
    }

    static List<String> table(Set<String> cases, Kinesalite kinesis, Path work, List<String> bigDay) throws Exception {
        List<String> table = new ArrayList<>();
        table.add("| Case | Records | Publishing (s) | Records/s | Records/s per shard | Share of the shards' limit "
                + "| PUT payload units per 1,000 records | CPU per record (µs) | Peak RSS (MiB) | Lost | Duplicated "
                + "| Target | Met |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        if (cases.contains("aggregation")) {
            for (int shards : new int[] {4, 16}) {
                List<String> off = bigDay.subList(1, shards * 30_000 + 1);
                Run plain = publish(kinesis, work, bigDay.get(0), off, shards, false);
                table.add(row(String.format("%d shards, aggregation off (records limit: %,d records/s)", shards,
                        shards * 1_000), plain, false, "nothing lost or duplicated",
                        plain.lost() == 0 && plain.duplicated() == 0));
                List<String> on = bigDay.subList(1, Math.min(bigDay.size(), shards * 150_000 + 1));
                Run aggregated = publish(kinesis, work, bigDay.get(0), on, shards, true);
                double ratio = aggregated.perShard() / plain.perShard();
                table.add(row(String.format("%d shards, aggregation on (byte limit: %d MiB/s; %.1f times the records "
                        + "per shard)", shards, shards, ratio), aggregated, true, ">= 3.5 times the records/s per "
                        + "shard, nothing lost or duplicated",
                        ratio >= 3.5 && aggregated.lost() == 0 && aggregated.duplicated() == 0));
            }
        }
        if (cases.contains("national-aggregated")) {
            table.add(national(kinesis, work));
        }
        return table;
    }

    private static String row(String name, Run run, boolean aggregated, String target, boolean met) {
        Benchmark.Published p = run.published();
        return String.format("| %s | %,d | %.1f | %,.0f | %,.0f | %.1f%% | %.1f | %.1f | %d | %d | %d | %s | %s |", name,
                p.records(), p.seconds(), p.recordsPerSecond(), run.perShard(), run.share(aggregated) * 100,
                run.unitsPerThousand(), p.cpuMicrosPerRecord(), p.peakRssMib(), run.lost(), run.duplicated(), target,
                Benchmark.yes(met));
    }

    private static Run publish(Kinesalite kinesis, Path work, String header, List<String> rows, int shards,
            boolean aggregated) throws Exception {
        String name = "aggregation-" + (aggregated ? "on-" : "off-") + shards;
        Path data = Benchmark.dataWith(work, name, List.of(header), rows);
        kinesis.createStream(name, shards);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(kinesis.endpoint(), kinesis.client())
                .limitShards(1_000, MIB).sink()) {
            Benchmark.Published published = Benchmark.Published.from(Benchmark.application(kinesis, data, name,
                    settings(proxy, aggregated)));
            Map<Long, Integer> arrivals = proxy.arrivalCounts();
            long lost = rows.stream().filter(row -> !arrivals.containsKey(id(row))).count();
            return new Run(published, shards, proxy.storedBytes(), proxy.payloadUnits(), lost,
                    duplicated(arrivals));
        }
    }

    private static Map<String, String> settings(KinesisFaultProxy proxy, boolean aggregated) {
        return Map.of("generator.enabled", "false",
                "camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint(),
                "kinesis.rateLimit.enabled", "true",
                "kinesis.aggregation", aggregated ? "kpl" : "none");
    }

    /**
     * A national day generated (-Xmx128m, no report) and published by one process into 16 limited shards with
     * aggregation on; lost and duplicated are counted from the file, read as a stream (19.4 million rows).
     */
    private static String national(Kinesalite kinesis, Path work) throws Exception {
        Path data = Files.createTempDirectory(work, "national");
        Path source = Files.createDirectories(data.resolve("source"));
        long started = System.nanoTime();
        GenerationCases.generateInto(source, "10000000", "1000000", "2026-11-01");
        double generation = (System.nanoTime() - started) / 1e9;
        Path file;
        try (Stream<Path> files = Files.list(source)) {
            file = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        String stream = "national-aggregated";
        kinesis.createStream(stream, 16);
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(kinesis.endpoint(), kinesis.client())
                .limitShards(1_000, MIB).sink()) {
            Benchmark.Published published = Benchmark.Published.from(Benchmark.application(kinesis, data, stream,
                    settings(proxy, true)));
            Map<Long, Integer> arrivals = proxy.arrivalCounts();
            long lost = 0;
            Path archived = data.resolve("archive").resolve(file.getFileName());
            try (BufferedReader reader = Files.newBufferedReader(archived, StandardCharsets.UTF_8)) {
                reader.readLine();
                for (String row = reader.readLine(); row != null; row = reader.readLine()) {
                    if (!arrivals.containsKey(id(row))) {
                        lost++;
                    }
                }
            }
            Run run = new Run(published, 16, proxy.storedBytes(), proxy.payloadUnits(), lost,
                    duplicated(arrivals));
            boolean met = published.seconds() <= 360 && published.cpuMicrosPerRecord() <= 8 && lost == 0
                    && run.duplicated() == 0;
            return row(String.format("A national day (10,000,000 customers) into 16 shards, aggregation on, one "
                    + "process (generated first in %.1f s)", generation), run, true,
                    "publishing <= 6 min, <= 8 µs/record, nothing lost or duplicated", met);
        }
    }

    private static long id(String row) {
        return Long.parseLong(row.substring(0, row.indexOf(',')));
    }

    private static long duplicated(Map<Long, Integer> arrivals) {
        return arrivals.values().stream().mapToLong(n -> n - 1).sum();
    }
}
