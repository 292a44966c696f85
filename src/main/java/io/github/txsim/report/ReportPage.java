package io.github.txsim.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

import io.github.txsim.simulator.ExpectedDay;
import io.github.txsim.simulator.FraudScenario;
import io.github.txsim.simulator.ModelExpectations;
import io.github.txsim.simulator.SimulatorSettings;

/**
 * The data report as one self-contained HTML page: inline CSS and SVG, no script, and a content security policy that
 * lets the page load nothing from anywhere. It shows the key numbers next to the model's expected values, the
 * transactions per hour against the model's curve, the amounts of genuine and fraudulent transactions, the frauds by
 * scenario, when the frauds become known (when the report follows labels that arrive later), and, for several days,
 * the handbook's figure of transactions, frauds and compromised cards and terminals per day.
 */
public final class ReportPage {

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:800px;\
            color:#222;padding:0 1em}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em}
            table{border-collapse:collapse;margin:1em 0}th,td{padding:.25em .7em;border-bottom:1px solid #ddd}
            td{text-align:right;font-variant-numeric:tabular-nums}th{text-align:left}
            .note{color:#555;font-size:.9em}.warning{color:#a40000}
            svg.chart{max-width:100%;height:auto}svg text{font-size:12px;fill:#333}
            .grid{stroke:#e4e4e4}.axis{stroke:#555}
            .actual rect{fill:#4e79a7}.expected polyline{stroke:#e15759;stroke-width:2}.expected circle,\
            .expected rect{fill:#e15759}
            .genuine polyline{stroke:#4e79a7;stroke-width:2}.genuine circle,.genuine rect{fill:#4e79a7}
            .fraud polyline{stroke:#e15759;stroke-width:2}.fraud circle,.fraud rect{fill:#e15759}
            .cards polyline{stroke:#f28e2b;stroke-width:2}.cards circle,.cards rect{fill:#f28e2b}
            .terminals polyline{stroke:#59a14f;stroke-width:2}.terminals circle,.terminals rect{fill:#59a14f}
            """;

    private final SimulatorSettings settings;
    private final ModelExpectations model;

    public ReportPage(SimulatorSettings settings, ModelExpectations model) {
        this.settings = settings;
        this.model = model;
    }

    /** The page for the figures; {@code madeBy} names what made it (a line under the title). */
    public String html(ReportData data, String madeBy) {
        List<DayFigures> days = data.days();
        ExpectedDay expected = days.stream().map(day -> model.day(day.date())).reduce(ExpectedDay.NONE,
                ExpectedDay::plus);
        String title = title(days);
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        + "style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n")
                .append("<p class=\"note\">").append(Html.escape(madeBy)).append(". Files: ")
                .append(Html.escape(String.join(", ", data.files()))).append(".</p>\n")
                .append("<p class=\"note\">The model's expected values are for these settings: ")
                .append(Html.escape(describe(settings))).append(".</p>\n");
        mismatch(days).ifPresent(warning -> page.append("<p class=\"warning\">").append(Html.escape(warning))
                .append("</p>\n"));
        if (data.uncounted() > 0) {
            page.append("<section id=\"uncounted\">\n<h2>Rows not counted</h2>\n<p>")
                    .append(Numbers.count(data.uncounted())).append(" row(s) could not be read as transactions and "
                            + "are left out of every figure")
                    .append(data.uncounted() > data.uncountedExamples().size() ? "; the first ones:" : ":")
                    .append("</p>\n<ul>\n");
            data.uncountedExamples().forEach(line -> page.append("<li>").append(Html.escape(line)).append("</li>\n"));
            page.append("</ul>\n</section>\n");
        }
        page.append("<section id=\"key-figures\">\n<h2>Key numbers</h2>\n")
                .append(new KeyNumbers(days, expected).html()).append("</section>\n");
        page.append(section("per-hour", "Transactions per hour of the day", perHour(days, expected),
                String.format(Numbers.ENGLISH, "Transactions of each hour%s, and the model's expectation: the "
                + "day's expected transactions spread over the hours as the time of day, Normal(12:00, 20,000 s) "
                + "kept within the day, says.",
                days.size() > 1 ? ", summed over the days" : "")));
        page.append(section("amounts", "Amounts, genuine and fraudulent apart", amounts(days),
                String.format(Numbers.ENGLISH, "The share of each kind's transactions in each 10-wide band of "
                + "amounts; the last band holds every amount from 1,000 up. Scenario 1 labels amounts above %d; "
                + "scenario 3 multiplies the amounts of a compromised card's frauds by %d.",
                FraudScenario.AMOUNT_THRESHOLD_CENTS / 100, FraudScenario.CUSTOMER_AMOUNT_FACTOR)));
        page.append(section("scenarios", "Frauds by scenario", scenarios(days, expected),
                FraudScenario.rules()));
        if (data.followsLabels()) {
            page.append(new LabelDelaySection(days, data.labelDelay()).html());
        }
        if (days.size() > 1) {
            page.append(new PerDaySection(days, model).html());
        }
        return page.append("</body>\n</html>\n").toString();
    }

    static String section(String id, String heading, SvgChart chart, String caption) {
        return "<section id=\"" + id + "\">\n<h2>" + Html.escape(heading) + "</h2>\n<figure>\n" + chart.svg()
                + "<figcaption class=\"note\">" + Html.escape(caption) + "</figcaption>\n</figure>\n</section>\n";
    }

    private SvgChart perHour(List<DayFigures> days, ExpectedDay expected) {
        double[] actual = new double[24];
        double[] model = this.model.hourShares();
        for (int hour = 0; hour < 24; hour++) {
            int h = hour;
            actual[hour] = sum(days, day -> day.perHour(h));
            model[hour] *= expected.rows();
        }
        return new SvgChart("chart-per-hour", "Transactions per hour of the day", "Hour of the day (00 = 00:00 to "
                + "00:59)", "Transactions per hour", 24, hour -> String.format(Numbers.ENGLISH, "%02d", hour), 1)
                .bars("In the files", "actual", actual, hour -> String.format(Numbers.ENGLISH,
                        "%02d:00 to %02d:59: %s transactions", hour, hour, Numbers.count(actual[hour])))
                .line("Model's expectation", "expected", model, hour -> String.format(Numbers.ENGLISH,
                        "%02d:00 to %02d:59: %s expected", hour, hour, Numbers.count(model[hour])));
    }

    private static SvgChart amounts(List<DayFigures> days) {
        int bins = DayFigures.AMOUNT_BINS;
        double[] genuine = new double[bins];
        double[] fraud = new double[bins];
        double genuineRows = days.stream().mapToLong(day -> day.rows() - day.frauds()).sum();
        double fraudRows = days.stream().mapToLong(DayFigures::frauds).sum();
        for (int bin = 0; bin < bins; bin++) {
            int b = bin;
            genuine[bin] = genuineRows == 0 ? 0 : 100 * sum(days, day -> day.genuineAmounts(b)) / genuineRows;
            fraud[bin] = fraudRows == 0 ? 0 : 100 * sum(days, day -> day.fraudAmounts(b)) / fraudRows;
        }
        return new SvgChart("chart-amounts", "Amounts, genuine and fraudulent apart", "Amount (bands of "
                + DayFigures.AMOUNT_BIN_WIDTH + ")", "Share of the kind's transactions (%)", bins,
                ReportPage::amountBand, 10)
                .line("Genuine", "genuine", genuine, bin -> amountBand(bin) + ": " + Numbers.percent(genuine[bin], 3)
                        + " of genuine transactions")
                .line("Fraudulent", "fraud", fraud, bin -> amountBand(bin) + ": " + Numbers.percent(fraud[bin], 3)
                        + " of fraudulent transactions");
    }

    private static String amountBand(int bin) {
        int from = bin * DayFigures.AMOUNT_BIN_WIDTH;
        return bin == DayFigures.AMOUNT_BINS - 1 ? Numbers.count(from) + "+"
                : bin % 10 == 0 ? Numbers.count(from) : Numbers.count(from) + " to " + (from + DayFigures.AMOUNT_BIN_WIDTH);
    }

    private static SvgChart scenarios(List<DayFigures> days, ExpectedDay expected) {
        List<FraudScenario> scenarios = FraudScenario.all();
        double[] actual = new double[scenarios.size()];
        double[] model = new double[scenarios.size()];
        for (int i = 0; i < scenarios.size(); i++) {
            int scenario = scenarios.get(i).number();
            actual[i] = sum(days, day -> day.scenario(scenario));
            model[i] = expected.scenario(scenario);
        }
        return new SvgChart("chart-scenarios", "Frauds by scenario", "Fraud scenario", "Fraudulent transactions",
                scenarios.size(), s -> scenarios.get(s).number() + ": " + scenarios.get(s).shortName(), 1)
                .bars("In the files", "actual", actual, s -> "Scenario " + (s + 1) + ": " + Numbers.count(actual[s]))
                .bars("Model's expectation", "expected", model, s -> "Scenario " + (s + 1) + ": "
                        + Numbers.decimal(model[s], 1) + " expected");
    }

    static double sum(List<DayFigures> days, ToLongFunction<DayFigures> value) {
        return days.stream().mapToLong(value).sum();
    }

    private static String title(List<DayFigures> days) {
        if (days.isEmpty()) {
            return "Transactions: none";
        }
        LocalDate first = days.get(0).date();
        LocalDate last = days.get(days.size() - 1).date();
        return days.size() == 1 ? "Transactions of " + first
                : String.format(Numbers.ENGLISH, "Transactions of %s to %s (%d days)", first, last, days.size());
    }

    private static String describe(SimulatorSettings settings) {
        return String.format(Numbers.ENGLISH, "%,d customers, %,d terminals, radius %s, seed %d, start date %s, %,d "
                + "terminals and %,d customers compromised a day", settings.customers(), settings.terminals(),
                Numbers.axis(settings.radius()), settings.seed(), settings.startDate(),
                settings.fraud().compromisedTerminalsPerDay(), settings.fraud().compromisedCustomersPerDay());
    }

    /** A warning when the files name ids beyond the model's population: then they came from other settings. */
    private Optional<String> mismatch(List<DayFigures> days) {
        long customer = days.stream().mapToLong(DayFigures::largestCustomerId).max().orElse(-1);
        long terminal = days.stream().mapToLong(DayFigures::largestTerminalId).max().orElse(-1);
        if (customer < settings.customers() && terminal < settings.terminals()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Numbers.ENGLISH, "These files name customer ids up to %,d and terminal "
                + "ids up to %,d, beyond the model's %,d customers or %,d terminals: they were made with other "
                + "settings, and the expected values do not apply to them.", customer, terminal,
                settings.customers(), settings.terminals()));
    }
}
