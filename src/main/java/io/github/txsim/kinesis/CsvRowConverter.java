package io.github.txsim.kinesis;

import org.apache.camel.dataformat.csv.CsvRecordConverter;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Hands each parsed row to the route as a {@link SourceRow}: Commons CSV's own record (read by column name) with the
 * line it starts on, which error messages and rejects files name.
 * <p>
 * Commons CSV counts records, not lines: it reports only how many line breaks it has read, which counts a row that
 * ends the file without one a line short. So the line is tracked here: each row starts on the line after the
 * previous row ended, and spans one more line for each line break inside its quoted values. This needs every line
 * to reach the converter, blank ones included (the route turns off ignoreEmptyLines; the publisher skips blank
 * rows). One file is parsed at a time.
 */
public final class CsvRowConverter implements CsvRecordConverter<SourceRow> {

    private CSVParser parser;
    private long lastLine;

    @Override
    public synchronized SourceRow convertRecord(CSVRecord record) {
        if (record.getParser() != parser) {
            parser = record.getParser();
            lastLine = 1 + lineBreaks(String.join(",", parser.getHeaderNames()));
        }
        long first = lastLine + 1;
        long breaks = 0;
        for (String value : record.values()) {
            breaks += lineBreaks(value);
        }
        lastLine = first + breaks;
        return new SourceRow(first, record);
    }

    /** Line breaks in a value: CRLF, LF, or a lone CR each count once. */
    static long lineBreaks(String value) {
        long breaks = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                breaks++;
            }
        }
        return breaks;
    }
}
