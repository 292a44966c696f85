package io.github.txsim.simulator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the model expects of one day's file (or of several days', summed): the means of its random draws, given the
 * population and the day's compromised terminals and customers ({@link ModelExpectations}).
 *
 * @param rows                 transactions
 * @param customers            customers with at least one transaction
 * @param terminals            terminals with at least one transaction
 * @param terminalsApproximate whether {@code terminals} comes from the large-population approximation (every terminal
 *                             drawing the mean share of the rows) rather than from each terminal's own rate
 * @param byScenario           the frauds each scenario labels
 * @param amountSum            the sum of the amounts
 * @param amountSquareSum      the sum of the amounts' squares
 */
public record ExpectedDay(double rows, double customers, double terminals, boolean terminalsApproximate,
        Map<FraudScenario, Double> byScenario, double amountSum, double amountSquareSum) {

    public static final ExpectedDay NONE = new ExpectedDay(0, 0, 0, false, Map.of(), 0, 0);

    public ExpectedDay {
        // in the scenarios' order, so that their frauds add up to the same last digit in every run (Map.copyOf's
        // order changes from one JVM to the next, and the reports' expected frauds with it)
        Map<FraudScenario, Double> inOrder = new EnumMap<>(FraudScenario.class);
        inOrder.putAll(byScenario);
        byScenario = Collections.unmodifiableMap(inOrder);
    }

    public double frauds() {
        return byScenario.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Frauds in percent of the rows. */
    public double fraudPercent() {
        return rows == 0 ? 0 : 100 * frauds() / rows;
    }

    /** The expected frauds of the scenario of the given number, 1 to 3. */
    public double scenario(int number) {
        return byScenario.getOrDefault(FraudScenario.of(number), 0.0);
    }

    public double meanAmount() {
        return rows == 0 ? 0 : amountSum / rows;
    }

    /** The standard deviation of the amounts (over all rows, as the population's). */
    public double amountStandardDeviation() {
        double mean = meanAmount();
        return rows == 0 ? 0 : Math.sqrt(Math.max(0, amountSquareSum / rows - mean * mean));
    }

    /**
     * Two days' (or sets') expectations together: counts and sums add up. Customers and terminals add up too: for
     * several days they are the sums of the days' counts, not distinct ones.
     */
    public ExpectedDay plus(ExpectedDay other) {
        return new ExpectedDay(rows + other.rows, customers + other.customers, terminals + other.terminals,
                terminalsApproximate || other.terminalsApproximate, sum(byScenario, other.byScenario),
                amountSum + other.amountSum, amountSquareSum + other.amountSquareSum);
    }

    private static Map<FraudScenario, Double> sum(Map<FraudScenario, Double> one, Map<FraudScenario, Double> other) {
        Map<FraudScenario, Double> sum = new EnumMap<>(FraudScenario.class);
        sum.putAll(one);
        other.forEach((scenario, frauds) -> sum.merge(scenario, frauds, Double::sum));
        return sum;
    }
}
