package io.github.txsim.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.txsim.support.ProcessResources;

/**
 * Generates daily transaction files without Camel or Kinesis: a date range of the simulator's files into a folder,
 * for instance the handbook's 183-day reference dataset. The benchmark runs it as a separate process.
 *
 * <pre>
 * java -cp ... io.github.txsim.simulator.GenerateFiles --out DIR [--customers 50000] [--terminals 100000]
 *     [--radius 5] [--seed 42] [--start-date 2018-04-01] [--from START-DATE] [--days 1] [--threads 0]
 *     [--partition 0/1]
 * </pre>
 *
 * It ends with one line: {@code Generated N file(s): R rows in S s (X rows/s), slowest file F s, peak RSS M MiB},
 * where S counts from the start of {@code main} and F is the longest that one file took to generate and write.
 */
public final class GenerateFiles {

    private static final Set<String> OPTIONS = Set.of("--out", "--customers", "--terminals", "--radius", "--seed",
            "--start-date", "--from", "--days", "--threads", "--partition");

    private GenerateFiles() {
    }

    public static void main(String[] args) throws IOException {
        long started = System.nanoTime();
        Map<String, String> options = parse(args);
        if (!options.containsKey("--out")) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Path out = Files.createDirectories(Path.of(options.get("--out")));
        int customers = Integer.parseInt(options.getOrDefault("--customers", "50000"));
        int terminals = Integer.parseInt(options.getOrDefault("--terminals", "100000"));
        LocalDate startDate = LocalDate.parse(options.getOrDefault("--start-date", "2018-04-01"));
        SimulatorSettings settings = new SimulatorSettings(customers, terminals,
                Double.parseDouble(options.getOrDefault("--radius", "5")),
                Long.parseLong(options.getOrDefault("--seed", "42")), startDate);
        LocalDate from = LocalDate.parse(options.getOrDefault("--from", startDate.toString()));
        int days = Integer.parseInt(options.getOrDefault("--days", "1"));
        int threads = Integer.parseInt(options.getOrDefault("--threads", "0"));
        Partition partition = Partition.parse(options.getOrDefault("--partition", "0/1"));

        long rows = 0;
        int files = 0;
        double slowestFile = 0;
        try (DailyTransactionGenerator generator = new DailyTransactionGenerator(settings,
                Population.generate(settings), partition,
                threads == 0 ? Runtime.getRuntime().availableProcessors() : threads)) {
            DailyFileGenerator fileGenerator = new DailyFileGenerator(generator, out, List.of(),
                    Clock.systemDefaultZone(), 0);
            for (int day = 0; day < days; day++) {
                GeneratedFile file = fileGenerator.generate(from.plusDays(day)).orElse(null);
                if (file != null) {
                    files++;
                    rows += file.rows();
                    slowestFile = Math.max(slowestFile, file.seconds());
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Generated %d file(s): %d rows in %.3f s (%.0f rows/s), slowest file %.3f s, peak RSS %d MiB%n",
                files, rows, seconds, rows / seconds, slowestFile, ProcessResources.peakRssMib());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i]
                        + " (options: " + OPTIONS + ")");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
