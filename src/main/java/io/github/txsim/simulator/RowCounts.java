package io.github.txsim.simulator;

import java.util.List;

/**
 * How many rows a day (or part of one) has, and how many of them each fraud scenario labels.
 *
 * @param rows      transactions
 * @param scenario1 labelled by scenario 1 ({@link FraudScenario#AMOUNT})
 * @param scenario2 labelled by scenario 2 (compromised terminal)
 * @param scenario3 labelled by scenario 3 (compromised customer)
 */
public record RowCounts(long rows, long scenario1, long scenario2, long scenario3) {

    public static final RowCounts NONE = new RowCounts(0, 0, 0, 0);

    public static RowCounts of(List<Transaction> transactions) {
        long[] byScenario = new long[4];
        for (Transaction t : transactions) {
            byScenario[t.fraudScenario()]++;
        }
        return new RowCounts(transactions.size(), byScenario[1], byScenario[2], byScenario[3]);
    }

    public RowCounts plus(RowCounts other) {
        return new RowCounts(rows + other.rows, scenario1 + other.scenario1, scenario2 + other.scenario2,
                scenario3 + other.scenario3);
    }

    /** The rows labelled by the given scenario, 1 to 3. */
    public long scenario(int scenario) {
        return switch (scenario) {
            case 1 -> scenario1;
            case 2 -> scenario2;
            case 3 -> scenario3;
            default -> throw new IllegalArgumentException("the fraud scenarios are 1, 2 and 3, not " + scenario);
        };
    }

    public long frauds() {
        return scenario1 + scenario2 + scenario3;
    }

    /** Frauds in percent of the rows (0 for no rows). */
    public double fraudPercent() {
        return rows == 0 ? 0 : 100.0 * frauds() / rows;
    }
}
