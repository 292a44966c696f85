package io.github.txsim.kinesis;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One row of a source file, as parsed, with the line it starts on (a quoted value may hold line breaks, so a row
 * can span several lines).
 *
 * @param line   the line the row starts on; the header is line 1
 * @param record the parsed row
 */
public record SourceRow(long line, CSVRecord record) {

    /** The 1-based position of the row among the file's rows, the header not counted. */
    public long number() {
        return record.getRecordNumber();
    }

    /** A line the parser read as a row although it holds nothing: a blank line. */
    public boolean isBlank() {
        return record.size() == 1 && record.get(0).isEmpty();
    }

    /** The row written back as CSV (RFC 4180 quoting), for a rejects file or a report. */
    public String asCsv() {
        return CSVFormat.RFC4180.format((Object[]) record.values());
    }
}
