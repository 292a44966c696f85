package io.github.txsim.rows;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of a source file, as parsed: its values under the file's header, where it lies in the file, and, for a row
 * that cannot become a record whatever its values say (not UTF-8, blank, another number of fields than the header,
 * broken quoting), why.
 *
 * @param number  the 1-based position of the row among the file's rows, the header not counted
 * @param line    the line the row starts on (the header is line 1; a quoted value may hold line breaks)
 * @param header  the file's header
 * @param record  the parsed values; null for a row whose quoting could not be parsed
 * @param end     the part of the file up to the end of this row, for checkpoints
 * @param problem why the row is rejected before its values are looked at; null for a row to publish
 */
public record SourceRow(long number, long line, CsvHeader header, CSVRecord record, FilePrefix end, String problem) {

    /** The value of the named column, or null when the file has no such column. */
    public String get(String column) {
        int position = header.positionOf(column);
        return position < 0 || record == null || position >= record.size() ? null : record.get(position);
    }

    /** The value at this position. */
    public String value(int position) {
        return record.get(position);
    }

    /** The row written back as CSV (RFC 4180 quoting), for a rejects file or a report; empty when unparsed. */
    public String asCsv() {
        return record == null ? "" : CSVFormat.RFC4180.format((Object[]) record.values());
    }
}
