package io.github.txsim.report;

import java.util.Locale;
import java.util.regex.Pattern;

/** How the report writes numbers: grouped thousands, a fixed number of decimals, English style. */
final class Numbers {

    /**
     * The locale every number of a report is written in. Locale.US rather than ROOT: the JDK's Formatter knows US's
     * digits and separators without looking them up, and ROOT made each String.format build DecimalFormatSymbols
     * (measured: a third of a day's report in JFR samples, 2.5 to 5 times the time of a call with US).
     */
    static final Locale ENGLISH = Locale.US;

    private static final Pattern TRAILING_ZEROS = Pattern.compile("0+$");

    private Numbers() {
    }

    static String count(double value) {
        return String.format(ENGLISH, "%,.0f", value);
    }

    static String decimal(double value, int places) {
        return String.format(ENGLISH, "%,." + places + "f", value);
    }

    static String percent(double value, int places) {
        return decimal(value, places) + "%";
    }

    /** An axis tick: whole numbers grouped, others with as few decimals as they need (up to 3). */
    static String axis(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return count(value);
        }
        String text = String.format(ENGLISH, "%.3f", value);
        return TRAILING_ZEROS.matcher(text).replaceAll("");
    }

    /** The difference of an actual value from an expected one, in percent of the expected, signed. */
    static String difference(double actual, double expected) {
        if (expected == 0) {
            return actual == 0 ? "0.0%" : "n/a";
        }
        return String.format(ENGLISH, "%+.1f%%", 100 * (actual - expected) / expected);
    }
}
