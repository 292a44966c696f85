package io.github.txsim.labels;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/**
 * The label stream's settings ({@code labels.*}), each declared here and read once at start-up.
 *
 * @param mode        inline (the label in each transaction record, no label stream), delayed (transactions without
 *                    their label; label events on the label stream) or both
 * @param delay       when a fraud becomes known
 * @param settleAfter how long after a day ends its transactions with no fraud label count as genuine
 * @param sendAtEnd   whether a run-once run sends the labels not due yet at its end (labels.atEnd=send) or leaves
 *                    them for a later run (wait)
 */
public record LabelSettings(Mode mode, ReportDelay delay, Duration settleAfter, boolean sendAtEnd) {

    /** What the records carry of the labels. */
    public enum Mode {
        INLINE, DELAYED, BOTH;

        /** Whether transaction records carry TX_FRAUD and TX_FRAUD_SCENARIO. */
        public boolean inline() {
            return this != DELAYED;
        }

        /** Whether label events go out on the label stream. */
        public boolean stream() {
            return this != INLINE;
        }
    }

    static final Setting<String> MODE = Setting.oneOf("labels.mode", List.of("inline", "delayed", "both"));
    /** realistic, or a duration: every fraud known that long after it (the handbook's 7d). */
    static final Setting<Optional<Duration>> DELAY = Setting.positiveDuration("labels.delay").orWord("realistic");
    static final Setting<Duration> REPORT_MEDIAN = Setting.positiveDuration("labels.reportMedian");
    static final Setting<Double> REPORT_SPREAD = Setting.decimal("labels.reportSpread", 0, 10);
    static final Setting<Duration> REPORT_MAX = Setting.positiveDuration("labels.reportMax");
    static final Setting<Duration> SETTLE_AFTER = Setting.duration("labels.settleAfter");
    static final Setting<String> AT_END = Setting.oneOf("labels.atEnd", List.of("wait", "send"));
    public static final List<Setting<?>> SETTINGS = List.of(MODE, DELAY, REPORT_MEDIAN, REPORT_SPREAD, REPORT_MAX,
            SETTLE_AFTER, AT_END);

    /** labels.mode alone (the {@code verify} command's default). */
    public static Mode mode(Settings settings) {
        return Mode.valueOf(settings.get(MODE).toUpperCase(Locale.ROOT));
    }

    /** @param seed the simulation's seed, which the delays are drawn from */
    public static LabelSettings read(Settings settings, long seed) {
        Mode mode = mode(settings);
        Optional<Duration> fixed = settings.get(DELAY);
        ReportDelay delay = fixed.isPresent() ? new ReportDelay.Fixed(fixed.get())
                : new ReportDelay.LongTailed(seed, settings.get(REPORT_MEDIAN), settings.get(REPORT_SPREAD),
                        settings.get(REPORT_MAX));
        return new LabelSettings(mode, delay, settings.get(SETTLE_AFTER), settings.get(AT_END).equals("send"));
    }
}
