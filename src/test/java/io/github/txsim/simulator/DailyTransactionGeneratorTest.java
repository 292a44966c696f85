package io.github.txsim.simulator;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyTransactionGeneratorTest {

    private static final LocalDate START = LocalDate.of(2018, 4, 1);
    private static final SimulatorSettings SETTINGS = new SimulatorSettings(5_000, 10_000, 5, 42, START);
    private static final Population POPULATION = Population.generate(SETTINGS);
    private static final LocalDate DAY = LocalDate.of(2018, 5, 10);
    private static final DayOfTransactions GENERATED = generate(SETTINGS, DAY);

    private static DayOfTransactions generate(SimulatorSettings settings, LocalDate date) {
        Population population = settings.equals(SETTINGS) ? POPULATION : Population.generate(settings);
        return new DailyTransactionGenerator(settings, population).generate(date);
    }

    @Test
    void customerAndTerminalProfilesFollowTheHandbooksDistributions() {
        for (CustomerProfile c : POPULATION.customers()) {
            assertTrue(c.x() >= 0 && c.x() < 100 && c.y() >= 0 && c.y() < 100, "customer location " + c);
            assertTrue(c.meanAmount() >= 5 && c.meanAmount() < 100, "mean amount " + c);
            assertEquals(c.meanAmount() / 2, c.stdAmount(), 1e-12, "std amount " + c);
            assertTrue(c.meanTransactionsPerDay() >= 0 && c.meanTransactionsPerDay() < 4, "mean per day " + c);
        }
        double meanOfMeans = POPULATION.customers().stream().mapToDouble(CustomerProfile::meanAmount).average()
                .orElseThrow();
        assertEquals(52.5, meanOfMeans, 2.0, "U(5, 100) averages 52.5");
        for (TerminalProfile t : POPULATION.terminals()) {
            assertTrue(t.x() >= 0 && t.x() < 100 && t.y() >= 0 && t.y() < 100, "terminal location " + t);
        }
    }

    @Test
    void aDayHasAboutTwoTransactionsPerCustomerWithinTheDayAndCloseToTheCustomer() {
        List<Transaction> rows = GENERATED.transactions();
        // 5,000 customers x a mean of 2 per day, less the ~7% of times of day outside (0, 86400)
        assertTrue(rows.size() > 8_800 && rows.size() < 9_800, "rows: " + rows.size());
        long dayStart = GENERATED.dayIndex() * Transaction.SECONDS_PER_DAY;
        for (Transaction t : rows) {
            long timeOfDay = t.timeSeconds() - dayStart;
            assertTrue(timeOfDay > 0 && timeOfDay < Transaction.SECONDS_PER_DAY, "time of day " + t);
            assertEquals(GENERATED.dayIndex(), t.timeDays());
            assertTrue(t.amountCents() >= 0, "amount " + t);
            CustomerProfile c = POPULATION.customers().get(t.customerId());
            TerminalProfile terminal = POPULATION.terminals().get(t.terminalId());
            assertTrue(Math.hypot(c.x() - terminal.x(), c.y() - terminal.y()) < SETTINGS.radius(), "distance " + t);
        }
    }

    @Test
    void amountsFollowEachCustomersMeanAmount() {
        // Normal(m, m/2) with the draws below 0 (2.3%) replaced by U(0, 2m) averages 1.027 m (scenario 3 rows aside:
        // their amounts are multiplied by 5)
        double ratio = GENERATED.transactions().stream().filter(t -> t.fraudScenario() != 3)
                .mapToDouble(t -> t.amountCents() / 100.0 / POPULATION.customers().get(t.customerId()).meanAmount())
                .average().orElseThrow();
        assertEquals(1.027, ratio, 0.015, "average amount relative to the customer's mean amount");
    }

    @Test
    void rowsAreSortedByTimeAndIdsAreUniqueAndIncreasing() {
        List<Transaction> rows = GENERATED.transactions();
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).transactionId() < rows.get(i).transactionId(), "ids increase at row " + i);
            assertTrue(rows.get(i - 1).timeSeconds() <= rows.get(i).timeSeconds(), "times increase at row " + i);
        }
    }

    @Test
    void withoutCompromisesScenarioOneLabelsExactlyTheAmountsAbove220() {
        SimulatorSettings noCompromises = new SimulatorSettings(5_000, 10_000, 5, 42, START, new FraudSettings(0, 0));
        DayOfTransactions day = generate(noCompromises, DAY);
        long frauds = 0;
        for (Transaction t : day.transactions()) {
            boolean above = t.amountCents() > 220_00;
            assertEquals(above ? 1 : 0, t.fraudScenario(), "label of " + t);
            frauds += above ? 1 : 0;
        }
        assertTrue(frauds > 0, "a day of 5,000 customers has some amounts above 220");
        assertEquals(frauds, day.countFrauds());
    }

    @Test
    void labelsFollowTheReferencePrecedenceCompromisedCustomerThenTerminalThenAmount() {
        CompromiseSchedule schedule = new CompromiseSchedule(SETTINGS);
        BitSet terminals = schedule.terminalsCompromisedOn(GENERATED.dayIndex());
        BitSet customers = schedule.customersCompromisedOn(GENERATED.dayIndex());
        for (Transaction t : GENERATED.transactions()) {
            switch (t.fraudScenario()) {
                case 3 -> assertTrue(customers.get(t.customerId()), "scenario 3 needs a compromised customer: " + t);
                case 2 -> assertTrue(terminals.get(t.terminalId()), "scenario 2 needs a compromised terminal: " + t);
                case 1 -> assertTrue(!terminals.get(t.terminalId()) && t.amountCents() > 220_00, "scenario 1: " + t);
                default -> assertTrue(!terminals.get(t.terminalId()) && t.amountCents() <= 220_00, "genuine: " + t);
            }
        }
        for (int scenario = 1; scenario <= 3; scenario++) {
            assertTrue(GENERATED.countScenario(scenario) > 0, "scenario " + scenario + " present on a single day");
        }
    }

    @Test
    void aDefaultDayGeneratedAloneHasTheReferenceFraudMix() {
        SimulatorSettings defaults = new SimulatorSettings(50_000, 100_000, 5, 42, START);
        DayOfTransactions day = generate(defaults, LocalDate.of(2026, 11, 28));

        double rate = 100.0 * day.countFrauds() / day.transactions().size();
        assertTrue(rate >= 0.75 && rate <= 1.05, "fraud rate %: " + rate);
        for (int scenario = 1; scenario <= 3; scenario++) {
            assertTrue(day.countScenario(scenario) > 20, "scenario " + scenario + ": " + day.countScenario(scenario));
        }
    }

    @Test
    void theSameSeedAndDateGiveTheSameRowsWhateverWasGeneratedBefore() {
        DailyTransactionGenerator fresh = new DailyTransactionGenerator(SETTINGS, Population.generate(SETTINGS));
        fresh.generate(DAY.minusDays(1));
        assertEquals(GENERATED, fresh.generate(DAY));
    }

    @Test
    void anotherSeedGivesOtherRows() {
        SimulatorSettings other = new SimulatorSettings(5_000, 10_000, 5, 43, START);
        assertNotEquals(GENERATED.transactions(), generate(other, DAY).transactions());
    }

    @Test
    void aDateBeforeTheSimulationStartIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DailyTransactionGenerator(SETTINGS, POPULATION).generate(START.minusDays(1)));
        assertTrue(e.getMessage().contains("before the simulation start date"), e.getMessage());
    }
}
