package io.github.txsim.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.txsim.rows.ColumnRules;
import io.github.txsim.rows.SourceFileReader;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.SourceRows;
import io.github.txsim.rows.SourceText;
import org.apache.commons.csv.CSVFormat;

/** CSV text read into rows as the publish route reads a file: its text, camel-csv's parser settings, its rows. */
public final class Rows {

    /** The parser's settings in the route: camel-csv's default format, blank lines kept. */
    private static final CSVFormat ROUTE_FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private Rows() {
    }

    /** The rows of a file of these bytes, which must have the given columns (pandas' unnamed index left out). */
    public static SourceRows of(byte[] file, Map<String, String> requiredColumns) {
        return of(file, new ColumnRules(requiredColumns, true));
    }

    /** The rows of a file of these bytes, read with these rules. */
    public static SourceRows of(byte[] file, ColumnRules rules) {
        SourceText text = new SourceText(new ByteArrayInputStream(file), SourceFileReader.ROW_LIMIT);
        try {
            return new SourceRows(ROUTE_FORMAT.parse(text).iterator(), text, "day.csv", rules,
                    SourceFileReader.ROW_LIMIT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row of the text (no column required). */
    public static List<SourceRow> of(String csv) {
        List<SourceRow> rows = new ArrayList<>();
        of(csv.getBytes(StandardCharsets.UTF_8), Map.of()).forEachRemaining(rows::add);
        return rows;
    }
}
