package io.github.txsim.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Same configuration, seed and date: the same bytes, however the days are generated. */
class DeterminismTest {

    private static final LocalDate START = LocalDate.of(2018, 4, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final SimulatorSettings SETTINGS = new SimulatorSettings(3_000, 6_000, 5, 99, START);

    @TempDir
    Path data;

    private static byte[] csv(DailyTransactionGenerator generator, LocalDate date) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TransactionCsvWriter().write(generator.generate(date), out);
        return out.toByteArray();
    }

    private static DailyFileGenerator files(Path folder, int threads, int backfillDays) {
        DailyTransactionGenerator generator = new DailyTransactionGenerator(SETTINGS, Population.generate(SETTINGS),
                Partition.WHOLE, threads);
        Clock today = Clock.fixed(TODAY.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        return new DailyFileGenerator(generator, folder, List.of(), today, backfillDays);
    }

    @Test
    void daysGeneratedInOneRunEqualDaysGeneratedOneByOne() throws Exception {
        Path together = Files.createDirectory(data.resolve("together"));
        List<Path> backfilled = files(together, 2, 2).generateDue().stream().map(GeneratedFile::path).toList();
        assertEquals(3, backfilled.size(), "today and the two days before");

        for (Path file : backfilled) {
            Path alone = Files.createDirectory(data.resolve("alone-" + file.getFileName()));
            LocalDate date = LocalDate.parse(file.getFileName().toString().substring(13, 23));
            Path single = files(alone, 1, 0).generate(date).orElseThrow().path();
            assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(file), file.getFileName().toString());
        }
    }

    @Test
    void theThreadCountDoesNotChangeAByte() throws Exception {
        SimulatorSettings enoughForSeveralChunks = new SimulatorSettings(40_000, 20_000, 5, 99, START);
        Population population = Population.generate(enoughForSeveralChunks);
        try (DailyTransactionGenerator one = new DailyTransactionGenerator(enoughForSeveralChunks, population,
                Partition.WHOLE, 1);
                DailyTransactionGenerator three = new DailyTransactionGenerator(enoughForSeveralChunks, population,
                        Partition.WHOLE, 3)) {
            assertArrayEquals(csv(one, TODAY), csv(three, TODAY));
        }
    }

    @Test
    void thePartitionsOfADayMergedAreTheWholeDayRowForRow() {
        Population population = Population.generate(SETTINGS);
        List<Transaction> merged = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int index = i;
            DayOfTransactions part = new DailyTransactionGenerator(SETTINGS, population, new Partition(i, 3), 1)
                    .generate(TODAY);
            part.transactions().forEach(t -> assertEquals(index, t.customerId() % 3, "partition of " + t));
            merged.addAll(part.transactions());
        }
        merged.sort(Comparator.comparingLong(Transaction::transactionId));

        assertEquals(new DailyTransactionGenerator(SETTINGS, population).generate(TODAY).transactions(), merged);
    }

    @Test
    void aPartitionsFileNameSaysWhichPartItIs() {
        assertEquals("transactions-2026-11-28.csv", DailyFileGenerator.fileName(TODAY, Partition.WHOLE));
        assertEquals("transactions-2026-11-28-part2of4.csv", DailyFileGenerator.fileName(TODAY, new Partition(2, 4)));
    }
}
