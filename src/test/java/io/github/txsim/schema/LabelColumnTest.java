package io.github.txsim.schema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The label event's schema: its transaction columns are the transaction's, and docs/data.md lists every column. */
class LabelColumnTest {

    private static final Pattern ROW = Pattern.compile("\\| `([A-Z_]+)` \\| [^|]+ \\| [^|]+ \\|");

    @Test
    void theTransactionsColumnsKeepTheirNamesAndTypes() {
        assertEquals(List.of(TransactionColumn.TRANSACTION_ID, TransactionColumn.TX_DATETIME,
                TransactionColumn.CUSTOMER_ID, TransactionColumn.TERMINAL_ID, TransactionColumn.TX_FRAUD,
                TransactionColumn.TX_FRAUD_SCENARIO), LabelColumn.transactionColumns());
        for (TransactionColumn column : LabelColumn.transactionColumns()) {
            LabelColumn label = LabelColumn.valueOf(column.name());
            assertEquals(column.jsonType(), label.jsonType());
            assertEquals(column.redshiftType(), label.redshiftType());
        }
    }

    @Test
    void theRedshiftLabelViewsHaveOneTypedColumnPerEventField() throws Exception {
        Pattern field = Pattern.compile("payload\\.([A-Z_]+)::([A-Z]+(?:\\(\\d+(?:,\\d+)?\\))?) AS ([a-z_]+)");
        List<String> expected = Arrays.stream(LabelColumn.values()).map(column -> column.name() + "::"
                + column.redshiftType() + " AS " + column.name().toLowerCase(Locale.ROOT)).toList();
        for (String file : List.of("redshift.sql", "redshift-msk.sql")) {
            String sql = Files.readString(Path.of("docs", file), StandardCharsets.UTF_8);
            String view = sql.substring(sql.indexOf("CREATE VIEW labels AS"), sql.indexOf("FROM label_records;"));
            List<String> columns = field.matcher(view).results().map(m -> m.group(1) + "::" + m.group(2) + " AS "
                    + m.group(3)).toList();
            assertEquals(expected, columns, file);
        }
    }

    @Test
    void theDataDictionaryListsEveryLabelColumnInRecordOrder() throws Exception {
        String dictionary = Files.readString(Path.of("docs", "data.md"), StandardCharsets.UTF_8);
        String header = "| Label column | Type | Meaning |\n|---|---|---|\n";
        assertTrue(dictionary.contains(header), "docs/data.md's table of label columns");
        List<String> documented = dictionary.substring(dictionary.indexOf(header) + header.length()).lines()
                .takeWhile(line -> line.startsWith("|")).map(line -> {
                    Matcher m = ROW.matcher(line);
                    assertTrue(m.matches(), line);
                    return m.group(1);
                }).toList();
        assertEquals(Arrays.stream(LabelColumn.values()).map(Enum::name).toList(), documented);
    }
}
