package io.github.txsim.simulator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many rows a day (or part of one) has, and how many of them each fraud scenario labels.
 *
 * @param rows       transactions
 * @param byScenario the rows each scenario labels (a scenario without any may be left out)
 */
public record RowCounts(long rows, Map<FraudScenario, Long> byScenario) {

    public static final RowCounts NONE = new RowCounts(0, Map.of());

    public RowCounts {
        byScenario = Map.copyOf(byScenario);
    }

    public static RowCounts of(List<Transaction> transactions) {
        Map<FraudScenario, Long> byScenario = new EnumMap<>(FraudScenario.class);
        for (Transaction t : transactions) {
            if (t.fraudScenario() != FraudScenario.NONE) {
                byScenario.merge(FraudScenario.of(t.fraudScenario()), 1L, Long::sum);
            }
        }
        return new RowCounts(transactions.size(), byScenario);
    }

    public RowCounts plus(RowCounts other) {
        Map<FraudScenario, Long> sum = new EnumMap<>(FraudScenario.class);
        sum.putAll(byScenario);
        other.byScenario.forEach((scenario, count) -> sum.merge(scenario, count, Long::sum));
        return new RowCounts(rows + other.rows, sum);
    }

    /** The rows labelled by the scenario of the given number, 1 to 3. */
    public long scenario(int number) {
        return byScenario.getOrDefault(FraudScenario.of(number), 0L);
    }

    public long frauds() {
        return byScenario.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Frauds in percent of the rows (0 for no rows). */
    public double fraudPercent() {
        return rows == 0 ? 0 : 100.0 * frauds() / rows;
    }
}
