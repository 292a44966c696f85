package io.github.txsim.kinesis;

import org.apache.commons.csv.CSVRecord;

/**
 * A CSV row that cannot become a Kinesis record. The message names the file, the line and the cause.
 */
public class InvalidRowException extends RuntimeException {

    public InvalidRowException(String fileName, CSVRecord row, String cause) {
        super(String.format("%s line %d: %s", fileName, lineNumber(row), cause));
    }

    /** The line of the row in its file, counting the header as line 1 (a row with quoted newlines may span more). */
    static long lineNumber(CSVRecord row) {
        return row.getRecordNumber() + 1;
    }
}
