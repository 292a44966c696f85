package io.github.txsim.report;

import java.util.List;
import java.util.function.ToIntFunction;

import io.github.txsim.simulator.ExpectedDay;
import io.github.txsim.simulator.FraudScenario;

/**
 * The report's table of key numbers: each figure of the files next to the model's expected value and their
 * difference. For several days, customers and terminals are the mean per day (the model's are per day too).
 */
final class KeyNumbers {

    private final StringBuilder rows = new StringBuilder();

    KeyNumbers(List<DayFigures> days, ExpectedDay expected) {
        int n = days.size();
        long count = days.stream().mapToLong(DayFigures::rows).sum();
        long frauds = days.stream().mapToLong(DayFigures::frauds).sum();
        double amountSum = days.stream().mapToDouble(DayFigures::amountSum).sum();
        double squareSum = days.stream().mapToDouble(DayFigures::amountSquareSum).sum();
        double mean = count == 0 ? 0 : amountSum / count;
        double spread = count == 0 ? 0 : Math.sqrt(Math.max(0, squareSum / count - mean * mean));
        String perDay = n > 1 ? ", mean per day" : "";
        row("rows", "Transactions", count, expected.rows(), 0);
        row("customers", "Customers who paid" + perDay, mean(days, DayFigures::customers), expected.customers() / n,
                n > 1 ? 1 : 0);
        row("terminals", "Terminals used" + perDay + (expected.terminalsApproximate() ? " (expected: approximated)"
                : ""), mean(days, DayFigures::terminals), expected.terminals() / n, n > 1 ? 1 : 0);
        row("frauds", "Fraudulent transactions", frauds, expected.frauds(), 0);
        row("fraud-rate", "Fraud rate (%)", count == 0 ? 0 : 100.0 * frauds / count, expected.fraudPercent(), 3);
        for (FraudScenario scenario : FraudScenario.all()) {
            int s = scenario.number();
            row("scenario-" + s, "Frauds of scenario " + s + " (" + scenario.shortName() + ")",
                    days.stream().mapToLong(day -> day.scenario(s)).sum(), expected.scenario(s), 0);
        }
        row("amount-mean", "Mean amount", mean, expected.meanAmount(), 2);
        row("amount-spread", "Standard deviation of the amounts", spread, expected.amountStandardDeviation(), 2);
    }

    private static double mean(List<DayFigures> days, ToIntFunction<DayFigures> value) {
        return days.stream().mapToInt(value).average().orElse(0);
    }

    private void row(String key, String label, double actual, double expected, int places) {
        rows.append(String.format(Numbers.ENGLISH, "<tr data-key=\"%s\"><th scope=\"row\">%s</th>"
                + "<td class=\"actual\" data-value=\"%s\">%s</td><td class=\"expected\" data-value=\"%s\">%s</td>"
                + "<td class=\"difference\">%s</td></tr>%n", key, Html.escape(label), exact(actual),
                Numbers.decimal(actual, places), exact(expected), Numbers.decimal(expected, places),
                Numbers.difference(actual, expected)));
    }

    /** A value as a machine reads it: no grouping, all the digits it needs. */
    private static String exact(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    String html() {
        return "<table id=\"key-numbers\">\n<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">In the files"
                + "</th><th scope=\"col\">Model's expected value</th><th scope=\"col\">Difference</th></tr></thead>\n"
                + "<tbody>\n" + rows + "</tbody>\n</table>\n";
    }
}
