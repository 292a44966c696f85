package io.github.txsim.simulator;

/**
 * What the model expects of one day's file (or of several days', summed): the means of its random draws, given the
 * population and the day's compromised terminals and customers ({@link ModelExpectations}).
 *
 * @param rows                 transactions
 * @param customers            customers with at least one transaction
 * @param terminals            terminals with at least one transaction
 * @param terminalsApproximate whether {@code terminals} comes from the large-population approximation (every terminal
 *                             drawing the mean share of the rows) rather than from each terminal's own rate
 * @param scenario1            frauds labelled by scenario 1 ({@link FraudScenario#AMOUNT})
 * @param scenario2            frauds labelled by scenario 2 (compromised terminal)
 * @param scenario3            frauds labelled by scenario 3 (compromised customer)
 * @param amountSum            the sum of the amounts
 * @param amountSquareSum      the sum of the amounts' squares
 */
public record ExpectedDay(double rows, double customers, double terminals, boolean terminalsApproximate,
        double scenario1, double scenario2, double scenario3, double amountSum, double amountSquareSum) {

    public static final ExpectedDay NONE = new ExpectedDay(0, 0, 0, false, 0, 0, 0, 0, 0);

    public double frauds() {
        return scenario1 + scenario2 + scenario3;
    }

    /** Frauds in percent of the rows. */
    public double fraudPercent() {
        return rows == 0 ? 0 : 100 * frauds() / rows;
    }

    /** The expected frauds of the scenario, 1 to 3. */
    public double scenario(int scenario) {
        return switch (scenario) {
            case 1 -> scenario1;
            case 2 -> scenario2;
            case 3 -> scenario3;
            default -> throw new IllegalArgumentException("the fraud scenarios are 1, 2 and 3, not " + scenario);
        };
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
                terminalsApproximate || other.terminalsApproximate, scenario1 + other.scenario1,
                scenario2 + other.scenario2, scenario3 + other.scenario3, amountSum + other.amountSum,
                amountSquareSum + other.amountSquareSum);
    }
}
