package io.github.txsim.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A national-scale issuer (10,000,000 customers, 1,000,000 terminals) has the handbook's statistics too: checked on
 * a sample, one customer in 500 (partition 0/500) on three days spread over a year. The sample's rows are the whole
 * population's rows of those customers, row for row ({@link DeterminismTest}).
 */
class NationalScaleStatisticsTest {

    private static final LocalDate START = LocalDate.of(2018, 4, 1);
    private static final SimulatorSettings NATIONAL = new SimulatorSettings(10_000_000, 1_000_000, 5, 2026, START);
    private static final Partition SAMPLE = new Partition(0, 500);
    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 1, 15), LocalDate.of(2026, 6, 15),
            LocalDate.of(2026, 11, 28));

    private static Population population;
    private static final List<DayOfTransactions> GENERATED = new ArrayList<>();

    @BeforeAll
    static void generateTheSample() {
        population = Population.generate(NATIONAL);
        try (DailyTransactionGenerator generator = new DailyTransactionGenerator(NATIONAL, population, SAMPLE, 2)) {
            DAYS.forEach(day -> GENERATED.add(generator.generate(day)));
        }
    }

    @Test
    void eachDayHasTwoTransactionsPerCustomerWithinTheDay() {
        // 20,000 customers in the sample x a mean of 2 per day x 96.9% of times of day kept; sd about 140
        for (DayOfTransactions day : GENERATED) {
            int rows = day.transactions().size();
            assertEquals(20_000 * 2 * 0.9692, rows, 700, "rows of " + day.date());
        }
    }

    @Test
    void fraudRateAndScenarioMixMatchTheReference() {
        RowCounts counts = GENERATED.stream().map(DayOfTransactions::counts).reduce(RowCounts.NONE, RowCounts::plus);
        double fraud = counts.fraudPercent();
        assertTrue(fraud >= 0.75 && fraud <= 1.05, "fraud rate %: " + fraud);
        assertTrue(percent(counts, 1) >= 0.03 && percent(counts, 1) <= 0.10, "S1 %: " + percent(counts, 1));
        assertTrue(percent(counts, 2) >= 0.35 && percent(counts, 2) <= 0.75, "S2 %: " + percent(counts, 2));
        assertTrue(percent(counts, 3) >= 0.15 && percent(counts, 3) <= 0.40, "S3 %: " + percent(counts, 3));
    }

    private static double percent(RowCounts counts, int scenario) {
        return 100.0 * counts.scenario(scenario) / counts.rows();
    }

    @Test
    void rowsFollowTheModelsDistributionsOfTimeAmountAndPlace() {
        double relativeAmount = 0;
        double timeOfDay = 0;
        long genuine = 0;
        long rows = 0;
        for (DayOfTransactions day : GENERATED) {
            long dayStart = day.dayIndex() * Transaction.SECONDS_PER_DAY;
            for (Transaction t : day.transactions()) {
                assertEquals(0, t.customerId() % 500, "the sample's customers only: " + t);
                CustomerProfile c = population.customer(t.customerId());
                TerminalProfile terminal = population.terminal(t.terminalId());
                assertTrue(Math.hypot(c.x() - terminal.x(), c.y() - terminal.y()) < NATIONAL.radius(), "distance " + t);
                timeOfDay += t.timeSeconds() - dayStart;
                rows++;
                if (t.fraudScenario() != 3) {
                    relativeAmount += t.amountCents() / 100.0 / c.meanAmount();
                    genuine++;
                }
            }
        }
        // the truncated normal time of day is symmetric around noon; the amounts as in DailyTransactionGeneratorTest
        assertEquals(43_200, timeOfDay / rows, 250, "mean time of day");
        assertEquals(1.027, relativeAmount / genuine, 0.01, "average amount relative to the customer's mean amount");
    }

    @Test
    void idsStayUniqueAndInTimeOrderAtThisScale() {
        for (DayOfTransactions day : GENERATED) {
            List<Transaction> rows = day.transactions();
            for (int i = 1; i < rows.size(); i++) {
                assertTrue(rows.get(i - 1).transactionId() < rows.get(i).transactionId(), "ids increase at row " + i);
            }
        }
    }
}
