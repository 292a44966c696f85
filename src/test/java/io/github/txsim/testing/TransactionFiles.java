package io.github.txsim.testing;

import java.nio.file.Path;
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

    /** Writes the file of the given date for a small population (1,000 customers: about 1,900 rows). */
    public static Path writeDay(Path folder, LocalDate date) {
        SimulatorSettings settings = new SimulatorSettings(1_000, 2_000, 5, 7, START);
        DailyTransactionGenerator generator = new DailyTransactionGenerator(settings, Population.generate(settings));
        return new DailyFileGenerator(generator, folder, List.of(), Clock.systemUTC(), 0).generate(date)
                .orElseThrow().path();
    }
}
