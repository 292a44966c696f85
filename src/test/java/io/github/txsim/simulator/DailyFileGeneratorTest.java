package io.github.txsim.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import io.github.txsim.schema.TransactionColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyFileGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final SimulatorSettings SETTINGS = new SimulatorSettings(200, 400, 5, 1, LocalDate.of(2018, 4, 1));

    @TempDir
    Path data;

    private DailyFileGenerator generator(Path source, Path... laterFolders) {
        Clock today = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new DailyFileGenerator(new DailyTransactionGenerator(SETTINGS, Population.generate(SETTINGS)), source,
                List.of(laterFolders), today, 0);
    }

    private static List<Path> paths(List<GeneratedFile> files) {
        return files.stream().map(GeneratedFile::path).toList();
    }

    @Test
    void writesTodaysFileNamedWithTheDateAndLeavesNothingElse() throws Exception {
        List<GeneratedFile> written = generator(data).generateDue();

        assertEquals(List.of(data.resolve("transactions-2026-11-28.csv")), paths(written));
        try (Stream<Path> files = Files.list(data)) {
            assertEquals(List.of("transactions-2026-11-28.csv"),
                    files.map(p -> p.getFileName().toString()).toList(), "no temporary file is left");
        }
        List<String> lines = Files.readAllLines(written.get(0).path());
        assertEquals(lines.size() - 1, written.get(0).rows(), "rows reported");
        assertEquals(Files.size(written.get(0).path()), written.get(0).bytes(), "bytes reported");
        assertEquals(String.join(",", TransactionColumn.names()), lines.get(0));
        assertTrue(lines.size() > 100, "rows: " + lines.size());
    }

    @Test
    void aDateWhoseFileWasAlreadyPublishedIsNotGeneratedAgain() throws Exception {
        Path source = Files.createDirectory(data.resolve("source"));
        Path archive = Files.createDirectory(data.resolve("archive"));
        Files.writeString(archive.resolve("transactions-2026-11-28.csv"), "published");

        assertEquals(List.of(), generator(source, archive).generateDue());
        try (Stream<Path> files = Files.list(source)) {
            assertEquals(0, files.count(), "source folder");
        }
    }

    @Test
    void backfillGeneratesTheMissingDaysBeforeTodayOnceOldestFirst() throws Exception {
        Path archive = Files.createDirectory(data.resolve("archive"));
        Path source = Files.createDirectory(data.resolve("source"));
        Files.writeString(archive.resolve("transactions-2026-11-26.csv"), "published");
        Clock today = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        DailyFileGenerator generator = new DailyFileGenerator(
                new DailyTransactionGenerator(SETTINGS, Population.generate(SETTINGS)), source, List.of(archive),
                today, 3);

        assertEquals(List.of(source.resolve("transactions-2026-11-25.csv"), source.resolve("transactions-2026-11-27.csv"),
                source.resolve("transactions-2026-11-28.csv")), paths(generator.generateDue()));
        assertEquals(List.of(), generator.generateDue(), "the next runs look at today only");
    }

    @Test
    void aSecondRunOnTheSameDayGeneratesNothing() {
        DailyFileGenerator generator = generator(data);
        generator.generateDue();
        assertEquals(List.of(), generator.generateDue());
    }

    @Test
    void aReportThatCannotBeWrittenLeavesTheDaysFileGenerated() throws Exception {
        long[] rowsSeen = {0};
        DayReporter failing = (date, fileName) -> new DayReporter.DayReport() {
            @Override
            public void add(List<Transaction> rows) {
                rowsSeen[0] += rows.size();
            }

            @Override
            public Path write() throws IOException {
                throw new IOException("disk full");
            }
        };
        Clock today = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        GeneratedFile file = new DailyFileGenerator(new DailyTransactionGenerator(SETTINGS,
                Population.generate(SETTINGS)), data, List.of(), today, 0, path -> { }, failing)
                .generate(TODAY).orElseThrow();

        assertTrue(Files.isRegularFile(file.path()));
        assertEquals(file.rows(), rowsSeen[0], "the report saw every row");
        assertEquals(null, file.report());
    }
}
