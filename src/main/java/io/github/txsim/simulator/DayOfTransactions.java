package io.github.txsim.simulator;

import java.time.LocalDate;
import java.util.List;

/**
 * The transactions of one simulated day, sorted by time (and so by id), all in memory: for days of modest size.
 *
 * @param date         the calendar date
 * @param dayIndex     days since the simulation's start date (TX_TIME_DAYS)
 * @param transactions the rows, in file order
 */
public record DayOfTransactions(LocalDate date, long dayIndex, List<Transaction> transactions) {

    public DayOfTransactions {
        transactions = List.copyOf(transactions);
    }

    public RowCounts counts() {
        return RowCounts.of(transactions);
    }

    /** How many transactions carry the given fraud scenario (1, 2 or 3). */
    public long countScenario(int scenario) {
        return counts().scenario(scenario);
    }

    public long countFrauds() {
        return counts().frauds();
    }
}
