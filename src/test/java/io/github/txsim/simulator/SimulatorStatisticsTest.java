package io.github.txsim.simulator;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handbook's reference configuration (5,000 customers, 10,000 terminals, r = 5) over its 183 days, generated
 * day by day with a fixed seed, against the reference dataset's statistics: 1,754,155 transactions, 0.837% fraud.
 */
class SimulatorStatisticsTest {

    private static final LocalDate START = LocalDate.of(2018, 4, 1);
    private static final int DAYS = 183;
    private static final SimulatorSettings REFERENCE = new SimulatorSettings(5_000, 10_000, 5, 2024, START);

    private static long rows;
    private static final long[] BY_SCENARIO = new long[4];
    private static final int[][] COUNTS = new int[5_000][DAYS];

    @BeforeAll
    static void generateTheReferenceDataset() {
        Population population = Population.generate(REFERENCE);
        try (DailyTransactionGenerator generator = new DailyTransactionGenerator(REFERENCE, population,
                Partition.WHOLE, 2)) {
            for (int day = 0; day < DAYS; day++) {
                for (Transaction t : generator.generate(START.plusDays(day)).transactions()) {
                    checkRow(t, day, population);
                    rows++;
                    BY_SCENARIO[t.fraudScenario()]++;
                    COUNTS[t.customerId()][day]++;
                }
            }
        }
    }

    private static void checkRow(Transaction t, int day, Population population) {
        long timeOfDay = t.timeSeconds() - (long) day * Transaction.SECONDS_PER_DAY;
        if (timeOfDay <= 0 || timeOfDay >= Transaction.SECONDS_PER_DAY || t.amountCents() < 0) {
            throw new AssertionError("time of day or amount out of range: " + t);
        }
        CustomerProfile c = population.customers().get(t.customerId());
        TerminalProfile terminal = population.terminals().get(t.terminalId());
        if (Math.hypot(c.x() - terminal.x(), c.y() - terminal.y()) >= REFERENCE.radius()) {
            throw new AssertionError("terminal beyond the radius: " + t);
        }
    }

    private static double percent(long count) {
        return 100.0 * count / rows;
    }

    @Test
    void transactionCountMatchesTheReferenceDataset() {
        assertTrue(rows >= 1_700_000 && rows <= 1_800_000, "transactions: " + rows);
    }

    @Test
    void fraudRateAndScenarioMixMatchTheReferenceInSteadyState() {
        double fraud = percent(BY_SCENARIO[1] + BY_SCENARIO[2] + BY_SCENARIO[3]);
        assertTrue(fraud >= 0.75 && fraud <= 1.05, "fraud rate %: " + fraud);
        assertTrue(percent(BY_SCENARIO[1]) >= 0.03 && percent(BY_SCENARIO[1]) <= 0.10, "S1 %: " + percent(BY_SCENARIO[1]));
        assertTrue(percent(BY_SCENARIO[2]) >= 0.35 && percent(BY_SCENARIO[2]) <= 0.75, "S2 %: " + percent(BY_SCENARIO[2]));
        assertTrue(percent(BY_SCENARIO[3]) >= 0.15 && percent(BY_SCENARIO[3]) <= 0.40, "S3 %: " + percent(BY_SCENARIO[3]));
    }

    @Test
    void dailyCountsPerCustomerArePoissonLike() {
        double ratios = 0;
        int customers = 0;
        for (int[] days : COUNTS) {
            double mean = 0;
            for (int count : days) {
                mean += count;
            }
            mean /= DAYS;
            if (mean < 0.5) {
                continue;
            }
            double variance = 0;
            for (int count : days) {
                variance += (count - mean) * (count - mean);
            }
            ratios += variance / (DAYS - 1) / mean;
            customers++;
        }
        double dispersion = ratios / customers;
        assertEquals(1.0, dispersion, 0.05, "variance / mean of daily counts, averaged over customers");
    }

    @Test
    void everyScenarioThreeAmountIsFiveTimesWhatTheCustomersGeneratorDrew() {
        SimulatorSettings withoutScenarioThree = new SimulatorSettings(5_000, 10_000, 5, 2024, START,
                new FraudSettings(REFERENCE.fraud().compromisedTerminalsPerDay(), 0));
        Population population = Population.generate(REFERENCE);
        DailyTransactionGenerator labelled = new DailyTransactionGenerator(REFERENCE, population);
        DailyTransactionGenerator drawn = new DailyTransactionGenerator(withoutScenarioThree, population);
        long scenarioThree = 0;
        for (int day = 0; day < DAYS; day += 10) {
            List<Transaction> withLabels = labelled.generate(START.plusDays(day)).transactions();
            List<Transaction> asDrawn = drawn.generate(START.plusDays(day)).transactions();
            assertEquals(asDrawn.size(), withLabels.size(), "scenario 3 changes no other draw");
            for (int i = 0; i < withLabels.size(); i++) {
                Transaction t = withLabels.get(i);
                Transaction original = asDrawn.get(i);
                if (t.fraudScenario() == 3) {
                    scenarioThree++;
                    assertEquals(original.amountCents() * 5, t.amountCents(), "amount of " + t);
                    assertEquals(original.withFraudScenario(3).transactionId(), t.transactionId());
                } else {
                    assertEquals(original, t, "a row scenario 3 does not touch");
                }
            }
        }
        assertTrue(scenarioThree > 100, "scenario 3 rows compared: " + scenarioThree);
    }
}
