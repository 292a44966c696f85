package io.github.txsim.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

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
