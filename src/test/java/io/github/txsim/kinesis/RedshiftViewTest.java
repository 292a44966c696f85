package io.github.txsim.kinesis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.txsim.simulator.TransactionCsvWriter;
import io.github.txsim.rows.TransactionJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The materialized view of docs/redshift.sql reads every field of the record, and only those, each into a column
 * of its name (lower case) and of a type that holds the record's JSON value: integers into integer types, the
 * amount into a DECIMAL with two decimals, the date-time into a TIMESTAMP.
 */
class RedshiftViewTest {

    private static final Pattern FIELD = Pattern.compile(
            "json_extract_path_text\\(from_varbyte\\(kinesis_data, 'utf-8'\\), '([A-Z_]+)'\\)::([A-Z]+(?:\\(\\d+,\\d+\\))?) "
                    + "AS ([a-z_]+)");

    /** One column of the view: the record field it reads, its SQL type, its name. */
    record ViewColumn(String field, String type, String name) {
    }

    static List<ViewColumn> viewColumns() throws IOException {
        String sql = Files.readString(Path.of("docs", "redshift.sql"), StandardCharsets.UTF_8);
        String view = sql.substring(sql.indexOf("CREATE MATERIALIZED VIEW"), sql.indexOf("FROM transaction_stream"));
        List<ViewColumn> columns = new ArrayList<>();
        Matcher m = FIELD.matcher(view);
        while (m.find()) {
            columns.add(new ViewColumn(m.group(1), m.group(2), m.group(3)));
        }
        return columns;
    }

    @Test
    void theViewHasOneTypedColumnPerRecordField() throws IOException {
        List<ViewColumn> columns = viewColumns();

        assertEquals(TransactionCsvWriter.COLUMNS, columns.stream().map(ViewColumn::field).toList());
        for (ViewColumn column : columns) {
            assertEquals(column.field().toLowerCase(Locale.ROOT), column.name());
            if (TransactionJson.INTEGER_COLUMNS.contains(column.field())) {
                assertTrue(List.of("BIGINT", "INTEGER", "SMALLINT").contains(column.type()), column.toString());
            } else if (TransactionJson.AMOUNT_COLUMNS.contains(column.field())) {
                assertTrue(column.type().matches("DECIMAL\\(\\d+,2\\)"), column.toString());
            } else {
                assertEquals(new ViewColumn("TX_DATETIME", "TIMESTAMP", "tx_datetime"), column);
            }
        }
    }
}
