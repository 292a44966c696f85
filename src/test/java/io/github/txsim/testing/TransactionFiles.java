package io.github.txsim.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.github.txsim.simulator.DailyFileGenerator;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;

/** Daily transaction files made by the real simulator, for tests that put files into the source folder. */
public final class TransactionFiles {

    public static final LocalDate START = LocalDate.of(2018, 4, 1);

    private TransactionFiles() {
    }

    /**
     * Writes a file of the first {@code rows} rows of the given date (at most about 1,900), under a hidden name first
     * and then renamed, as a producer of files should.
     */
    public static Path writeRows(Path folder, String name, LocalDate date, int rows) throws IOException {
        Path staging = Files.createTempDirectory("txsim-rows");
        List<String> lines = Files.readAllLines(writeDay(staging, date));
        if (lines.size() <= rows) {
            throw new IllegalArgumentException("the day has only " + (lines.size() - 1) + " rows");
        }
        return write(folder, name, String.join("\n", lines.subList(0, rows + 1)) + "\n");
    }

    /** Writes text as a file, under a hidden name first and then renamed. */
    public static Path write(Path folder, String name, String text) throws IOException {
        return write(folder, name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path folder, String name, byte[] bytes) throws IOException {
        Path hidden = Files.write(folder.resolve("." + name + ".part"), bytes);
        return Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the file of the given date for a small population (1,000 customers: about 1,900 rows). */
    public static Path writeDay(Path folder, LocalDate date) {
        SimulatorSettings settings = new SimulatorSettings(1_000, 2_000, 5, 7, START);
        DailyTransactionGenerator generator = new DailyTransactionGenerator(settings, Population.generate(settings));
        return new DailyFileGenerator(generator, folder, List.of(), Clock.systemUTC(), 0).generate(date)
                .orElseThrow().path();
    }
}
