package io.github.txsim.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the daily transaction file, {@code transactions-YYYY-MM-DD.csv} ({@code transactions-YYYY-MM-DD-part2of4.csv}
 * for partition 2/4), into the source folder. The file appears atomically: it is written under a hidden name, which
 * the publisher ignores, and then renamed. A date whose file already lies in the source folder or in one of the
 * folders files move to afterwards is never generated again: one file per date, ever.
 */
public final class DailyFileGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DailyFileGenerator.class);
    private static final String PREFIX = "transactions-";
    private static final String SUFFIX = ".csv";

    private final DailyTransactionGenerator generator;
    private final Path sourceFolder;
    private final List<Path> laterFolders;
    private final Clock clock;
    private final int backfillDays;
    private final Consumer<Path> handOver;
    private final DayReporter reporter;
    private final TransactionCsvWriter writer = new TransactionCsvWriter();
    /** The files found in a later folder and said so: once each, not at every look of a service. */
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private boolean backfilled;

    /**
     * @param generator    produces the rows of a day
     * @param sourceFolder where the files are written
     * @param laterFolders where files go after publishing (archive, failed): a date found there counts as generated
     * @param clock        tells what today is
     * @param backfillDays how many days before today the first call of {@link #generateDue()} generates too
     */
    public DailyFileGenerator(DailyTransactionGenerator generator, Path sourceFolder, List<Path> laterFolders,
            Clock clock, int backfillDays) {
        this(generator, sourceFolder, laterFolders, clock, backfillDays, file -> { }, DayReporter.NONE);
    }

    /**
     * @param handOver told of each file, complete, just before it is renamed into the source folder (the publisher
     *                 then takes it at once)
     * @param reporter makes a report of each day written (its path then ends the day's log line)
     */
    public DailyFileGenerator(DailyTransactionGenerator generator, Path sourceFolder, List<Path> laterFolders,
            Clock clock, int backfillDays, Consumer<Path> handOver, DayReporter reporter) {
        if (backfillDays < 0) {
            throw new IllegalArgumentException("generator.backfillDays cannot be negative, was " + backfillDays);
        }
        this.generator = generator;
        this.sourceFolder = sourceFolder;
        this.laterFolders = List.copyOf(laterFolders);
        this.clock = clock;
        this.backfillDays = backfillDays;
        this.handOver = handOver;
        this.reporter = reporter;
    }

    public static String fileName(LocalDate date, Partition partition) {
        String part = partition.isWhole() ? "" : "-part" + partition.index() + "of" + partition.count();
        return PREFIX + date + part + SUFFIX;
    }

    /**
     * Called by the timer: generates today's file unless it exists already and, the first time, the files of the
     * backfill days before today that do not exist either, oldest first. Returns the new files.
     */
    public synchronized List<GeneratedFile> generateDue() {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = backfilled ? today : today.minusDays(backfillDays);
        backfilled = true;
        List<GeneratedFile> written = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(today); date = date.plusDays(1)) {
            generate(date).ifPresent(written::add);
        }
        return written;
    }

    /** Generates the file of the given date unless it exists already; returns the new file. */
    public Optional<GeneratedFile> generate(LocalDate date) {
        String name = fileName(date, generator.partition());
        Optional<Path> existing = findExisting(name);
        if (existing.isPresent()) {
            Path folder = existing.get().getParent();
            if (!folder.equals(sourceFolder) && told.add(name)) {
                LOG.info("{} lies in {} already: not generated again (one file per date). Delete it there to "
                        + "generate and publish the day anew", name, folder);
            } else {
                LOG.debug("{} exists already in {}: not generated again", name, folder);
            }
            return Optional.empty();
        }
        if (!Files.isDirectory(sourceFolder)) {
            LOG.debug("The source folder {} is gone: {} waits for it", sourceFolder, name);
            return Optional.empty();
        }
        long started = System.nanoTime();
        Path target = sourceFolder.resolve(name);
        Path partial = sourceFolder.resolve("." + name + ".part");
        try {
            DayReporter.DayReport report = reporter.start(date, name);
            RowCounts counts = write(date, partial, report);
            handOver.accept(target);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            long bytes = Files.size(target);
            double seconds = (System.nanoTime() - started) / 1e9;
            Path reportFile = writeReport(report, name);
            LOG.info(summary(name, counts, bytes, seconds) + (reportFile == null ? "" : "; report " + reportFile));
            return Optional.of(new GeneratedFile(target, counts.rows(), bytes, seconds, reportFile));
        } catch (IOException | UncheckedIOException e) {
            deleteQuietly(partial);
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw new UncheckedIOException("Could not write " + target + ": " + cause.getMessage(), cause);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** Writes the day's report, if any; a report that cannot be written is logged, the file stays generated. */
    private static Path writeReport(DayReporter.DayReport report, String name) {
        if (report == null) {
            return null;
        }
        try {
            return report.write();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not write the report of {}: {}", name, e.getMessage());
            return null;
        }
    }

    /** Rows of a day and their lines, formatted on a generating thread. */
    private record Chunk(List<Transaction> rows, TransactionCsvWriter.Lines lines) {
    }

    /**
     * Streams the day into the file, chunk by chunk as the generator's threads format them, and into the report (if
     * any) on this thread.
     */
    private RowCounts write(LocalDate date, Path file, DayReporter.DayReport report) throws IOException {
        RowCounts[] counts = {RowCounts.NONE};
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(writer.header());
            // the rows go on to the writing thread only when a report counts them
            generator.generate(date, rows -> new Chunk(report == null ? List.of() : rows, writer.format(date, rows)),
                    chunk -> {
                        try {
                            out.write(chunk.lines().bytes(), 0, chunk.lines().length());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        counts[0] = counts[0].plus(chunk.lines().counts());
                        if (report != null) {
                            report.add(chunk.rows());
                        }
                    });
        }
        return counts[0];
    }

    private Optional<Path> findExisting(String name) {
        if (Files.exists(sourceFolder.resolve(name))) {
            return Optional.of(sourceFolder.resolve(name));
        }
        return laterFolders.stream().map(folder -> folder.resolve(name)).filter(Files::exists).findFirst();
    }

    static String summary(String name, RowCounts counts, long bytes, double seconds) {
        String byScenario = FraudScenario.all().stream()
                .map(scenario -> String.format("%d: %,d", scenario.number(), counts.scenario(scenario.number())))
                .collect(Collectors.joining(", "));
        return String.format("Generated %s: %,d rows, %,d frauds (scenario %s), fraud rate %.3f%%, %,d bytes, %.2f s",
                name, counts.rows(), counts.frauds(), byScenario, counts.fraudPercent(), bytes, seconds);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
