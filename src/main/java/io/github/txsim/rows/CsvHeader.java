package io.github.txsim.rows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a source file: its column names in order, each named once. A file whose first line is not such a
 * header (binary content, a name missing or given twice, a column the publisher needs absent) cannot be published,
 * and {@link #read} says why in words a person understands. A first column without a name is pandas' index (what
 * {@code to_csv} writes unless told {@code index=False}): with {@link ColumnRules#dropUnnamedIndex()} it is left out
 * of the records.
 *
 * @param names        the names of the columns that go into the records, in the file's order
 * @param positions    each of those names' position among the file's columns
 * @param width        how many columns the file has, a dropped index included
 * @param indexDropped whether an unnamed first column is left out
 */
public record CsvHeader(List<String> names, Map<String, Integer> positions, int width, boolean indexDropped) {

    /**
     * @param values      the first row's values
     * @param lastLine    the line the header ends on (a quoted name may hold line breaks)
     * @param undecodable whether the header's lines hold bytes that are not UTF-8
     * @throws UnreadableFileException when the first row is not a usable header
     */
    static CsvHeader read(String fileName, String[] values, long lastLine, boolean undecodable, ColumnRules rules) {
        try {
            return check(fileName, values, lastLine, undecodable, rules);
        } catch (UnreadableFileException e) {
            String data = dataAmong(values);
            if (data == null || undecodable) {
                throw e;
            }
            throw new UnreadableFileException(fileName, 1, String.format("line 1 is a data row, not a header (it holds "
                    + "%s): a file must start with its column names", data));
        }
    }

    /** The values of the line that are numbers or dates and times, quoted, or null for a line of names. */
    private static String dataAmong(String[] values) {
        List<String> data = new ArrayList<>();
        for (String value : values) {
            String text = value.strip();
            if (!text.isEmpty() && (EventTimes.isValid(text) || isNumber(text))) {
                data.add("'" + text + "'");
            }
        }
        return data.isEmpty() ? null : String.join(", ", data.subList(0, Math.min(3, data.size())))
                + (data.size() > 3 ? ", ..." : "");
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static CsvHeader check(String fileName, String[] values, long lastLine, boolean undecodable,
            ColumnRules rules) {
        String header = lastLine > 1 ? "the header (lines 1 to " + lastLine + ")" : "the header (line 1)";
        if (undecodable) {
            throw new UnreadableFileException(fileName, 1, header + " is not valid UTF-8: is this a CSV file?");
        }
        if (values.length == 1 && values[0].isEmpty()) {
            throw new UnreadableFileException(fileName, 1, header + " is blank: the first line must name the columns");
        }
        boolean indexDropped = rules.dropUnnamedIndex() && values.length > 1 && values[0].isEmpty();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = indexDropped ? 1 : 0; i < values.length; i++) {
            String name = values[i];
            if (name.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
                throw new UnreadableFileException(fileName, 1, header + " holds control characters: is this a CSV "
                        + "file?");
            }
            if (name.isBlank()) {
                throw new UnreadableFileException(fileName, 1, String.format("column %d of %s has no name%s", i + 1,
                        header, i == 0 ? " (pandas' index? publish.dropUnnamedIndexColumn=true leaves it out)" : ""));
            }
            Integer earlier = positions.putIfAbsent(name, i);
            if (earlier != null) {
                throw new UnreadableFileException(fileName, 1, String.format("%s names %s twice (columns %d and %d)",
                        header, name, earlier + 1, i + 1));
            }
        }
        rules.requiredColumns().forEach((column, purpose) -> {
            if (!positions.containsKey(column)) {
                throw new UnreadableFileException(fileName, 1, String.format("%s has no column %s, %s", fileName,
                        column, purpose));
            }
        });
        List<String> names = List.of(values).subList(indexDropped ? 1 : 0, values.length);
        return new CsvHeader(List.copyOf(names), Map.copyOf(positions), values.length, indexDropped);
    }

    /** The column's position, or -1 when the file has no such column. */
    public int positionOf(String name) {
        return positions.getOrDefault(name, -1);
    }
}
