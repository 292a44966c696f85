package io.github.txsim.rows;

import java.time.DateTimeException;
import java.time.LocalDateTime;

/**
 * The one format of a transaction's date and time, {@code yyyy-MM-dd HH:mm:ss}. The shape is checked by hand and the
 * calendar by {@link LocalDateTime#of}: a {@code DateTimeFormatter} does the same at several times the cost, once
 * per row of every file.
 */
public final class EventTimes {

    private static final String SHAPE = "dddd-dd-dd dd:dd:dd";

    private EventTimes() {
    }

    /** Whether the text is a date and time of the calendar in the format {@code yyyy-MM-dd HH:mm:ss}. */
    public static boolean isValid(String text) {
        return parse(text) != null;
    }

    /** The date and time, or null when the text is not one in the format {@code yyyy-MM-dd HH:mm:ss}. */
    public static LocalDateTime parse(String text) {
        if (text.length() != SHAPE.length()) {
            return null;
        }
        for (int i = 0; i < SHAPE.length(); i++) {
            char expected = SHAPE.charAt(i);
            char c = text.charAt(i);
            if (expected == 'd' ? c < '0' || c > '9' : c != expected) {
                return null;
            }
        }
        try {
            return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10), digits(text, 11, 13),
                    digits(text, 14, 16), digits(text, 17, 19));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + text.charAt(i) - '0';
        }
        return value;
    }
}
