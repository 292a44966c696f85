package io.github.txsim.schema;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
