package io.github.txsim.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import io.github.txsim.labels.ReportDelay;
import io.github.txsim.labels.RowLabels;

/**
 * What one report shows: the figures of each date its files hold, the files' names, and the rows it could not count
 * (with the first few of them named, line and reason).
 */
public final class ReportData {

    /** How many rows not counted the report names; it counts them all. */
    static final int NAMED_UNCOUNTED = 20;

    private final SortedMap<LocalDate, DayFigures> days = new TreeMap<>();
    private final List<String> files = new ArrayList<>();
    private final List<String> uncountedExamples = new ArrayList<>();
    private long uncounted;
    private final RowLabels labels;
    private DayFigures labelsDay;

    /** Figures without the labels' delays. */
    public ReportData() {
        this(null);
    }

    /**
     * Figures with when each fraud becomes known, drawn as the label stream draws it.
     *
     * @param labels the model of labels.delay, fresh: the report reads its files' frauds in order, and knows no card's
     *               case opened before them
     */
    public ReportData(RowLabels labels) {
        this.labels = labels;
    }

    /** The figures of the date, created empty the first time. */
    public DayFigures day(LocalDate date) {
        return days.computeIfAbsent(date, DayFigures::new);
    }

    public void addFile(String name) {
        files.add(name);
    }

    /** Makes every day's figures compact: called once a file is read. */
    public void settle() {
        days.values().forEach(DayFigures::settle);
    }

    /** A row not counted: its file, its line, and why. */
    public void uncounted(String file, long line, String reason) {
        uncounted++;
        if (uncountedExamples.size() < NAMED_UNCOUNTED) {
            uncountedExamples.add(String.format(Numbers.ENGLISH, "%s line %,d: %s", file, line, reason));
        }
    }

    /** Whether the report shows when frauds become known (labels.mode delayed or both). */
    public boolean followsLabels() {
        return labels != null;
    }

    /** The model of the delays; only when the report {@link #followsLabels}. */
    public ReportDelay labelDelay() {
        return labels.delay();
    }

    /**
     * Counts when a fraud of the day becomes known, when the report follows labels: call it for the frauds in the
     * order of their files, days in date order (a card's later fraud joins its open case).
     *
     * @param madeAt when the fraud was made, in epoch seconds
     */
    public void fraudKnown(DayFigures day, long customer, long transactionId, long madeAt) {
        if (labels == null) {
            return;
        }
        if (day != labelsDay) {
            // a case reported before the day began changes no label of it: memory keeps to the cases open
            labels.forgetReportedBefore(day.date().atStartOfDay());
            labelsDay = day;
        }
        RowLabels.Discovery known = labels.discover(customer, transactionId, madeAt);
        day.labelDelays().add(known.knownAt() - madeAt, known.opensCase());
    }

    /** The days, in date order. */
    public List<DayFigures> days() {
        return List.copyOf(days.values());
    }

    public List<String> files() {
        return List.copyOf(files);
    }

    public long uncounted() {
        return uncounted;
    }

    public List<String> uncountedExamples() {
        return List.copyOf(uncountedExamples);
    }

    /** The rows counted, over every day. */
    public long rows() {
        return days.values().stream().mapToLong(DayFigures::rows).sum();
    }
}
