package io.github.txsim.simulator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's expected values agree with what the generator draws, over many days; the approximation with the exact. */
class ModelExpectationsTest {

    private static final LocalDate START = LocalDate.of(2018, 4, 1);
    private static final LocalDate FIRST = LocalDate.of(2018, 6, 1);
    private static final int DAYS = 30;

    /** What 30 days hold, summed, against what the model expects of them, summed. */
    private static void assertDaysMatchTheModel(SimulatorSettings settings, Partition partition) {
        Population population = Population.generate(settings);
        ModelExpectations model = new ModelExpectations(settings, population, partition);
        ExpectedDay expected = ExpectedDay.NONE;
        double rows = 0;
        double customers = 0;
        double terminals = 0;
        double[] scenarios = new double[4];
        double amounts = 0;
        double squares = 0;
        try (DailyTransactionGenerator generator = new DailyTransactionGenerator(settings, population, partition, 2)) {
            for (int d = 0; d < DAYS; d++) {
                LocalDate date = FIRST.plusDays(d);
                expected = expected.plus(model.day(date));
                Set<Integer> paid = new HashSet<>();
                Set<Integer> used = new HashSet<>();
                for (Transaction t : generator.generate(date).transactions()) {
                    rows++;
                    paid.add(t.customerId());
                    used.add(t.terminalId());
                    scenarios[t.fraudScenario()]++;
                    amounts += t.amountCents() / 100.0;
                    squares += Math.pow(t.amountCents() / 100.0, 2);
                }
                customers += paid.size();
                terminals += used.size();
            }
        }
        assertFalse(expected.terminalsApproximate());
        assertCount(expected.rows(), rows, "rows");
        assertCount(expected.customers(), customers, "customers who paid");
        assertCount(expected.terminals(), terminals, "terminals used");
        assertCount(expected.scenario(1), scenarios[1], "scenario 1");
        assertCount(expected.scenario(2), scenarios[2], "scenario 2");
        assertCount(expected.scenario(3), scenarios[3], "scenario 3");
        double mean = amounts / rows;
        assertEquals(expected.meanAmount(), mean, 0.01 * expected.meanAmount(), "mean amount");
        assertEquals(expected.amountStandardDeviation(), Math.sqrt(squares / rows - mean * mean),
                0.03 * expected.amountStandardDeviation(), "standard deviation of the amounts");
    }

    /**
     * A count is a sum of many independent rare events given the population: about Poisson, its standard deviation
     * at most the square root of its mean. Four of those, and half a percent for the model's small roundings.
     */
    private static void assertCount(double expected, double actual, String what) {
        assertEquals(expected, actual, 4 * Math.sqrt(expected) + 0.005 * expected, what);
    }

    @Test
    void thirtyReferenceDaysHoldWhatTheModelExpects() {
        assertDaysMatchTheModel(new SimulatorSettings(5_000, 10_000, 5, 3, START), Partition.WHOLE);
    }

    @Test
    void aPartitionsDaysHoldWhatTheModelExpectsOfThatPartition() {
        assertDaysMatchTheModel(new SimulatorSettings(20_000, 10_000, 5, 4, START), new Partition(1, 3));
    }

    @Test
    void aSparseGridWithCustomersOutOfReachOfEveryTerminalStillMatches() {
        // 300 terminals, radius 2: many customers have no terminal within reach and never pay
        assertDaysMatchTheModel(new SimulatorSettings(5_000, 300, 2, 5, START), Partition.WHOLE);
    }

    @Test
    void theLargePopulationApproximationIsCloseToTheExactValuesWhereBothCanBeComputed() {
        assertApproximationClose(new SimulatorSettings(100_000, 10_000, 5, 6, START));
    }

    @Test
    void atTheDefaultPopulationTheApproximationIsCloseToo() {
        assertApproximationClose(new SimulatorSettings(50_000, 100_000, 5, 42, START));
    }

    private static void assertApproximationClose(SimulatorSettings settings) {
        Population population = Population.generate(settings);
        ExpectedDay exact = new ModelExpectations(settings, population, Partition.WHOLE, Double.MAX_VALUE).day(FIRST);
        ExpectedDay approximate = new ModelExpectations(settings, population, Partition.WHOLE, 0).day(FIRST);
        assertFalse(exact.terminalsApproximate());
        assertTrue(approximate.terminalsApproximate());
        assertEquals(exact.rows(), approximate.rows(), 1e-6);
        assertEquals(exact.terminals(), approximate.terminals(), 0.005 * exact.terminals());
        assertEquals(exact.scenario(1), approximate.scenario(1), 0.03 * exact.scenario(1));
        assertEquals(exact.scenario(2), approximate.scenario(2), 0.15 * exact.scenario(2));
        assertEquals(exact.scenario(3), approximate.scenario(3), 1e-6);
    }

    @Test
    void theHourSharesAddUpToOneAndPeakAtNoon() {
        double[] shares = new ModelExpectations(new SimulatorSettings(10, 10, 5, 1, START),
                Population.generate(new SimulatorSettings(10, 10, 5, 1, START)), Partition.WHOLE).hourShares();
        assertEquals(1, Arrays.stream(shares).sum(), 1e-12);
        assertEquals(shares[11], shares[12], 1e-9);
        assertTrue(shares[12] > 8 * shares[0]);
    }
}
