package io.github.txsim.report;

import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

import io.github.txsim.labels.ReportDelay;
import io.github.txsim.settings.Durations;

/**
 * The report's section on labels that arrive later (labels.mode delayed or both): how long after each fraud its label
 * becomes known, in days, and the share known within 1, 7 and 30 days, against the model's expected values. The model
 * draws the delay of a card's case, which its first fraud opens; the card's later frauds made before the report join
 * the case (a long case gathers more of them). The comparison with the model is therefore made on the cases, and the
 * frauds are shown beside them.
 */
final class LabelDelaySection {

    private final List<DayFigures> days;
    private final ReportDelay model;

    LabelDelaySection(List<DayFigures> days, ReportDelay model) {
        this.days = days;
        this.model = model;
    }

    String html() {
        int bins = LabelDelays.DAY_BINS;
        double cases = total(LabelDelays::cases);
        double frauds = total(LabelDelays::frauds);
        double[] caseShares = new double[bins];
        double[] fraudShares = new double[bins];
        double[] expected = new double[bins];
        for (int bin = 0; bin < bins; bin++) {
            int b = bin;
            caseShares[bin] = share(total(delays -> delays.casesInDay(b)), cases);
            fraudShares[bin] = share(total(delays -> delays.fraudsInDay(b)), frauds);
            double upTo = bin == bins - 1 ? 1 : model.shareWithin(Duration.ofDays(bin + 1));
            expected[bin] = 100 * (upTo - model.shareWithin(Duration.ofDays(bin)));
        }
        SvgChart chart = new SvgChart("chart-label-delays", "When the frauds become known", "Days from the fraud to "
                + "its label (" + (bins - 1) + "+: that many or more)", "Share (%)", bins, LabelDelaySection::day, 5)
                .bars("Cases in the files", "actual", caseShares, bin -> day(bin) + " days: "
                        + Numbers.percent(caseShares[bin], 2) + " of the cases")
                .line("Model's expectation for a case", "expected", expected, bin -> day(bin) + " days: "
                        + Numbers.percent(expected[bin], 2) + " of the cases expected")
                .line("Every fraud", "fraud", fraudShares, bin -> day(bin) + " days: "
                        + Numbers.percent(fraudShares[bin], 2) + " of the frauds");
        StringBuilder html = new StringBuilder(ReportPage.section("label-delays", "When the frauds become known",
                chart, String.format(Numbers.ENGLISH, "Labels that arrive later (labels.mode delayed or both), drawn "
                        + "as the label stream draws them: %s. The model draws the delay of a card's case, which its "
                        + "first fraud opens (the cases); the card's frauds made before the report join the case and "
                        + "become known with it, the longer a case the more of them. The report knows no case opened before its first "
                        + "day, so on that day a card's fraud that would join one opens a case of its own.",
                        describe(model))));
        html.append("<table id=\"label-delay-table\">\n<thead><tr><th scope=\"col\">Known within</th>"
                + "<th scope=\"col\">Cases</th><th scope=\"col\">Share</th><th scope=\"col\">Model's share</th>"
                + "<th scope=\"col\">Frauds</th><th scope=\"col\">Share</th></tr></thead>\n<tbody>\n");
        for (int mark = 0; mark < LabelDelays.WITHIN.size(); mark++) {
            int m = mark;
            long within = LabelDelays.WITHIN.get(mark).toDays();
            double casesWithin = total(delays -> delays.casesWithin(m));
            double fraudsWithin = total(delays -> delays.fraudsWithin(m));
            html.append("<tr data-within=\"").append(within).append("\"><th scope=\"row\">").append(within)
                    .append(within == 1 ? " day" : " days").append("</th>")
                    .append(cell("cases", casesWithin, Numbers.count(casesWithin)))
                    .append(percentCell("case-share", share(casesWithin, cases)))
                    .append(percentCell("expected-share", 100 * model.shareWithin(LabelDelays.WITHIN.get(mark))))
                    .append(cell("frauds", fraudsWithin, Numbers.count(fraudsWithin)))
                    .append(percentCell("fraud-share", share(fraudsWithin, frauds))).append("</tr>\n");
        }
        html.append("<tr data-within=\"all\"><th scope=\"row\">In all</th>")
                .append(cell("cases", cases, Numbers.count(cases))).append("<td></td><td></td>")
                .append(cell("frauds", frauds, Numbers.count(frauds))).append("<td></td></tr>\n");
        return html.append("</tbody>\n</table>\n").toString();
    }

    /** A cell that shows the value and holds it exactly too (data-value), as the key numbers' cells do. */
    private static String cell(String column, double value, String shown) {
        return "<td class=\"" + column + "\" data-value=\"" + value + "\">" + shown + "</td>";
    }

    private static String percentCell(String column, double percent) {
        return cell(column, percent, Numbers.percent(percent, 1));
    }

    private double total(ToLongFunction<LabelDelays> value) {
        return days.stream().mapToLong(day -> value.applyAsLong(day.labelDelays())).sum();
    }

    private static double share(double part, double whole) {
        return whole == 0 ? 0 : 100 * part / whole;
    }

    private static String day(int bin) {
        return bin == LabelDelays.DAY_BINS - 1 ? bin + "+" : Integer.toString(bin);
    }

    private static String describe(ReportDelay model) {
        if (model instanceof ReportDelay.LongTailed longTailed) {
            return String.format(Numbers.ENGLISH, "a case is reported a log-normal delay after its first fraud, "
                    + "median %s, spread %s, at most %s (labels.reportMedian, labels.reportSpread, labels.reportMax)",
                    Durations.format(longTailed.median()), Numbers.axis(longTailed.spread()),
                    Durations.format(longTailed.max()));
        }
        return "every fraud is known " + Durations.format(((ReportDelay.Fixed) model).delay())
                + " after it (labels.delay)";
    }
}
