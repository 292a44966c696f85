package io.github.txsim.settings;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's notation of a duration, read strictly: whole numbers each followed by its unit, largest unit
 * first, each unit at most once ({@code 250ms}, {@code 10s}, {@code 2m}, {@code 1h30m}, {@code 1d12h}), or {@code 0}.
 * Written here because Camel's {@code TimeUtils}, which reads the same notation, reads what it does not understand as
 * 0 or drops it ({@code abc}, {@code -5m}, {@code 1h30}) instead of refusing it.
 */
public final class Durations {

    private static final Pattern NOTATION = Pattern.compile(
            "(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");
    private static final long[] MILLIS_PER_UNIT = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    private static final String[] UNITS = {"d", "h", "m", "s", "ms"};

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException when the text is not a duration in this notation, or is too long to count
     */
    static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.matches("0+")) {
            return Duration.ZERO;
        }
        Matcher m = NOTATION.matcher(value);
        if (value.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "'");
        }
        long millis = 0;
        for (int unit = 0; unit < MILLIS_PER_UNIT.length; unit++) {
            String count = m.group(unit + 1);
            if (count != null) {
                millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(count), MILLIS_PER_UNIT[unit]));
            }
        }
        return Duration.ofMillis(millis);
    }

    /** The duration in this notation, as a user would write it: {@code 5d}, {@code 1d12h}, {@code 250ms}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0";
        }
        StringBuilder text = new StringBuilder();
        for (int unit = 0; unit < MILLIS_PER_UNIT.length; unit++) {
            if (millis >= MILLIS_PER_UNIT[unit]) {
                text.append(millis / MILLIS_PER_UNIT[unit]).append(UNITS[unit]);
                millis %= MILLIS_PER_UNIT[unit];
            }
        }
        return text.toString();
    }
}
