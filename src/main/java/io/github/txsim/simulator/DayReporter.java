package io.github.txsim.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Makes a report of each day the file generator writes, from the day's rows as they are written. */
public interface DayReporter {

    /** Reports nothing. */
    DayReporter NONE = (date, fileName) -> null;

    /** The report of the day about to be written to the named file; null for none. */
    DayReport start(LocalDate date, String fileName);

    /** The report of one day, fed on the writing thread. */
    interface DayReport {

        /** The next rows of the day: consecutive, in id order, as they go into the file. */
        void add(List<Transaction> rows);

        /** Writes the report, once every row is in the file; returns where it lies. */
        Path write() throws IOException;
    }
}
