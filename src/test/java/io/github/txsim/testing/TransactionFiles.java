package io.github.txsim.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
        return write(folder, name, String.join("\n", lines(date, rows)) + "\n");
    }

    /** The lines of a valid file: the header and the first {@code rows} rows of the given date (at most about 1,900). */
    public static List<String> lines(LocalDate date, int rows) throws IOException {
        Path staging = Files.createTempDirectory("txsim-rows");
        List<String> lines = Files.readAllLines(writeDay(staging, date));
        if (lines.size() <= rows) {
            throw new IllegalArgumentException("the day has only " + (lines.size() - 1) + " rows");
        }
        return new ArrayList<>(lines.subList(0, rows + 1));
    }

    /** Writes text as a file, under a hidden name first and then handed over. */
    public static Path write(Path folder, String name, String text) throws IOException {
        return write(folder, name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path folder, String name, byte[] bytes) throws IOException {
        return handOver(Files.write(folder.resolve("." + name + ".part"), bytes), folder.resolve(name));
    }

    /**
     * Moves a complete file to where the publisher takes it, its modification time set back first, as {@code cp -p}
     * leaves it: the publisher then takes it at once, even when the move comes in the very clock tick of the last
     * write (which it could not tell from a write).
     */
    public static Path handOver(Path file, Path target) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes the file of the given date for a small population (1,000 customers: about 1,900 rows) into the folder,
     * handed over as {@link #write} does.
     */
    public static Path writeDay(Path folder, LocalDate date) throws IOException {
        SimulatorSettings settings = new SimulatorSettings(1_000, 2_000, 5, 7, START);
        DailyTransactionGenerator generator = new DailyTransactionGenerator(settings, Population.generate(settings));
        Path staging = Files.createTempDirectory("txsim-day");
        Path file = new DailyFileGenerator(generator, staging, List.of(), Clock.systemUTC(), 0).generate(date)
                .orElseThrow().path();
        return handOver(file, folder.resolve(file.getFileName()));
    }
}
