package io.github.txsim.report;

import java.util.Locale;

/** How the report writes numbers: grouped thousands, a fixed number of decimals, English style. */
final class Numbers {

    private Numbers() {
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%,." + places + "f", value);
    }

    static String percent(double value, int places) {
        return decimal(value, places) + "%";
    }

    /** An axis tick: whole numbers grouped, others with as few decimals as they need (up to 3). */
    static String axis(double value) {
        if (Math.abs(value - Math.rint(value)) < 1e-9) {
            return count(value);
        }
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "");
    }

    /** The difference of an actual value from an expected one, in percent of the expected, signed. */
    static String difference(double actual, double expected) {
        if (expected == 0) {
            return actual == 0 ? "0.0%" : "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", 100 * (actual - expected) / expected);
    }
}
