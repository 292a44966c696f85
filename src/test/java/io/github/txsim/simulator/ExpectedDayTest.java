package io.github.txsim.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpectedDayTest {

    /** Scenario frauds whose sum depends on the order they are added in: 1e16 + 1 is 1e16 in doubles. */
    private static Map<FraudScenario, Double> inOrder(FraudScenario... order) {
        Map<FraudScenario, Double> values = Map.of(FraudScenario.AMOUNT, 1e16,
                FraudScenario.COMPROMISED_TERMINAL, 1.0, FraudScenario.COMPROMISED_CUSTOMER, -1e16);
        Map<FraudScenario, Double> ordered = new LinkedHashMap<>();
        for (FraudScenario scenario : order) {
            ordered.put(scenario, values.get(scenario));
        }
        return ordered;
    }

    @Test
    void theFraudsAddUpInTheScenariosOrderWhateverTheOrderTheyCameIn() {
        double scenarioOrder = (1e16 + 1.0) + -1e16;
        for (Map<FraudScenario, Double> given : new Map[] {
                inOrder(FraudScenario.AMOUNT, FraudScenario.COMPROMISED_TERMINAL,
                        FraudScenario.COMPROMISED_CUSTOMER),
                inOrder(FraudScenario.COMPROMISED_CUSTOMER, FraudScenario.AMOUNT, FraudScenario.COMPROMISED_TERMINAL),
                inOrder(FraudScenario.AMOUNT, FraudScenario.COMPROMISED_CUSTOMER,
                        FraudScenario.COMPROMISED_TERMINAL)}) {
            ExpectedDay day = new ExpectedDay(100, 10, 10, false, given, 0, 0);
            assertEquals(scenarioOrder, day.frauds(), "reports' expected frauds are the same in every run: " + given);
            assertEquals(scenarioOrder, day.plus(ExpectedDay.NONE).frauds());
        }
    }
}
