package io.github.txsim.report;

import java.util.List;

import io.github.txsim.simulator.ModelExpectations;

/**
 * The report's section for several days, as the handbook's figure of the simulated data: per day, the transactions
 * (with the model's expectation), and the frauds, the compromised cards (cards with a fraud that day) and the
 * compromised terminals (terminals with a scenario 2 fraud that day); then the same numbers as a table.
 */
final class PerDaySection {

    private final List<DayFigures> days;
    private final ModelExpectations model;

    PerDaySection(List<DayFigures> days, ModelExpectations model) {
        this.days = days;
        this.model = model;
    }

    String html() {
        int n = days.size();
        double[] rows = new double[n];
        double[] expected = new double[n];
        double[] frauds = new double[n];
        double[] cards = new double[n];
        double[] terminals = new double[n];
        for (int i = 0; i < n; i++) {
            DayFigures day = days.get(i);
            rows[i] = day.rows();
            expected[i] = model.day(day.date()).rows();
            frauds[i] = day.frauds();
            cards[i] = day.defraudedCustomers();
            terminals[i] = day.compromisedTerminals();
        }
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        SvgChart transactions = new SvgChart("chart-per-day-transactions", "Transactions per day", "Date",
                "Transactions", n, this::label, every)
                .bars("In the files", "actual", rows, i -> days.get(i).date() + ": " + Numbers.count(rows[i]) + " transactions")
                .line("Model's expectation", "expected", expected, i -> days.get(i).date() + ": "
                        + Numbers.count(expected[i]) + " expected");
        SvgChart fraud = new SvgChart("chart-per-day-frauds", "Frauds and compromised cards and terminals per day",
                "Date", "Count per day", n, this::label, every)
                .line("Fraudulent transactions", "fraud", frauds, i -> days.get(i).date() + ": " + Numbers.count(frauds[i])
                        + " fraudulent transactions")
                .line("Compromised cards", "cards", cards, i -> days.get(i).date() + ": " + Numbers.count(cards[i])
                        + " cards with a fraud")
                .line("Compromised terminals", "terminals", terminals, i -> days.get(i).date() + ": "
                        + Numbers.count(terminals[i]) + " terminals with a scenario 2 fraud");
        StringBuilder html = new StringBuilder(ReportPage.section("per-day", "Per day", transactions,
                "Transactions of each day, and the model's expectation for the day."));
        html.append(ReportPage.section("per-day-frauds", "Frauds per day", fraud, "Per day: fraudulent transactions; "
                + "compromised cards, those with at least one fraud that day; compromised terminals, those with at "
                + "least one scenario 2 fraud that day (the handbook's figure plots the first two)."));
        html.append("<table id=\"per-day-table\">\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">"
                + "Transactions</th><th scope=\"col\">Frauds</th><th scope=\"col\">Fraud rate</th>"
                + "<th scope=\"col\">Compromised cards</th><th scope=\"col\">Compromised terminals</th></tr></thead>\n"
                + "<tbody>\n");
        for (DayFigures day : days) {
            html.append(String.format(Numbers.ENGLISH, "<tr data-date=\"%s\"><th scope=\"row\">%s</th><td>%s</td>"
                    + "<td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n", day.date(), day.date(),
                    Numbers.count(day.rows()), Numbers.count(day.frauds()),
                    Numbers.percent(day.rows() == 0 ? 0 : 100.0 * day.frauds() / day.rows(), 3),
                    Numbers.count(day.defraudedCustomers()), Numbers.count(day.compromisedTerminals())));
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private String label(int i) {
        return days.get(i).date().toString().substring(5);
    }
}
