package io.github.txsim.rows;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of one source file, from the records Commons CSV parses (through camel-csv's lazy iterator), so that every
 * line ends up in exactly one row, published or rejected, or after the line where the file stops being readable:
 * <ul>
 * <li>The first record is the header ({@link CsvHeader}); a file without a usable one fails at once.</li>
 * <li>A row holding bytes that are not UTF-8, a blank line, or a row with another number of fields than the header
 * is handed on with its problem, to be rejected with its line.</li>
 * <li>A quoted value followed by other text before the next comma ({@code "ab"c}) makes the parser stop in the middle
 * of a line; it goes on after the stray text, so the rest of that line comes as a record of its own. The row and that
 * rest are one rejected row, and the rows after it are read as usual.</li>
 * <li>A quote that never closes, or a row longer than the text allows ({@link SourceText}), ends the rows: the rows
 * before it are published, and {@link #failure()} says from which line on the file could not be read.</li>
 * </ul>
 * The iterator never throws for what is in the file, so the route's split never loses the rows it has read. Commons
 * CSV's errors carry no codes, only messages; the two kinds told apart here are recognised by theirs.
 */
public final class SourceRows implements Iterator<SourceRow> {

    private static final Pattern QUOTE_NEVER_CLOSES =
            Pattern.compile("\\(startline ([0-9,]+)\\) EOF reached before encapsulated token finished");
    private static final String TEXT_AFTER_QUOTE = "Invalid character between encapsulated token and delimiter";

    private final Iterator<CSVRecord> records;
    private final SourceText text;
    private final String fileName;
    private final long rowLimit;
    private final CsvHeader header;
    private CSVParser parser;
    private long lastLine;
    private long number;
    private SourceRow next;
    private boolean ended;
    private UnreadableFileException failure;

    /**
     * Reads the header.
     *
     * @param records         camel-csv's records of the text
     * @param rules           what the header must hold, and what may be left out
     * @param rowLimit        the text's row limit, for messages
     * @throws UnreadableFileException when the file has no usable header
     */
    public SourceRows(Iterator<CSVRecord> records, SourceText text, String fileName,
            ColumnRules rules, long rowLimit) {
        this.records = records;
        this.text = text;
        this.fileName = fileName;
        this.rowLimit = rowLimit;
        this.header = readHeader(rules);
    }

    /** The file's header; null for an empty file. */
    public CsvHeader header() {
        return header;
    }

    /** Why the rows ended before the end of the file, or null when they did not. */
    public UnreadableFileException failure() {
        return failure;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = read();
        }
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    private CsvHeader readHeader(ColumnRules rules) {
        CSVRecord first;
        try {
            if (!records.hasNext()) {
                ended = true;
                return null;
            }
            first = records.next();
        } catch (UncheckedIOException e) {
            throw new UnreadableFileException(fileName, 1, "the header (line 1) cannot be read: " + describe(e, 1));
        }
        parser = first.getParser();
        lastLine = parser.getCurrentLineNumber();
        if (text.isCut() && lastLine > text.lineBreaks()) {
            throw new UnreadableFileException(fileName, 1, String.format("the first line is longer than %,d "
                    + "characters: is this a CSV file?", rowLimit));
        }
        boolean undecodable = text.firstUndecodable(1, lastLine) >= 0;
        text.through(lastLine);
        text.rowRead();
        return CsvHeader.read(fileName, first.values(), lastLine, undecodable, rules);
    }

    /** The next row, or null at the end of the file or where it stops being readable. */
    private SourceRow read() {
        long start = lastLine + 1;
        String broken = null;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return broken != null ? row(start, parser.getCurrentLineNumber(), null, broken) : end(start);
                }
                record = records.next();
            } catch (UncheckedIOException e) {
                String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                if (message.startsWith(TEXT_AFTER_QUOTE)) {
                    if (broken == null) {
                        broken = String.format("text after the closing quote of a quoted value on line %,d (a quote "
                                + "inside a value is written twice)", parser.getCurrentLineNumber());
                    }
                    continue; // the parser goes on after the stray character: the rest is this row's
                }
                return fail(start, describe(e, start));
            }
            long last = Math.max(start, parser.getCurrentLineNumber());
            if (text.isCut() && last > text.lineBreaks()) {
                return fail(start, tooLong(start));
            }
            if (broken != null) {
                return row(start, last, null, broken);
            }
            return row(start, last, record, null);
        }
    }

    private SourceRow row(long start, long last, CSVRecord record, String broken) {
        lastLine = Math.max(last, start);
        FilePrefix end = text.through(lastLine);
        long undecodable = text.firstUndecodable(start, lastLine);
        text.rowRead();
        number++;
        String problem = undecodable >= 0
                ? "not valid UTF-8" + (undecodable == start ? "" : String.format(" (line %,d)", undecodable))
                : broken != null ? broken : problemOf(record);
        return new SourceRow(number, start, header, record, end, problem);
    }

    private String problemOf(CSVRecord record) {
        if (record.size() == 1 && record.get(0).isEmpty()) {
            return "blank line";
        }
        if (record.size() != header.width()) {
            return String.format("%d field%s where the header has %d", record.size(), record.size() == 1 ? "" : "s",
                    header.width());
        }
        return null;
    }

    /** The end of the text: of the file, or of what the row limit let through. */
    private SourceRow end(long start) {
        return text.isCut() ? fail(start, tooLong(start)) : finish();
    }

    private SourceRow fail(long start, String reason) {
        failure = new UnreadableFileException(fileName, start, reason);
        return finish();
    }

    private SourceRow finish() {
        ended = true;
        return null;
    }

    private String tooLong(long start) {
        return String.format("the row starting on line %,d is longer than %,d characters, more than any "
                + "destination's record can hold: is this a CSV file?", start, rowLimit);
    }

    private String describe(UncheckedIOException e, long start) {
        String message = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        Matcher quote = QUOTE_NEVER_CLOSES.matcher(message);
        if (quote.find()) {
            String opened = quote.group(1);
            return text.isCut()
                    ? String.format("a quote opened on line %s does not close within %,d characters", opened, rowLimit)
                    : String.format("a quote opened on line %s never closes", opened);
        }
        return String.format("line %,d cannot be read: %s", start, message);
    }
}
