package io.github.txsim.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documents that describe the columns agree with the schema ({@link TransactionColumn}): the data dictionary's
 * table in docs/data.md, a row per column in file order with its type and meaning, and the views of docs/redshift.sql
 * (Kinesis) and docs/redshift-msk.sql (Kafka on MSK), which read every field of the record, and only those, each into a
 * column of its name (lower case) and of its Redshift type.
 */
class TransactionColumnTest {

    private static final Pattern DICTIONARY_ROW = Pattern.compile("\\| `([A-Z_]+)` \\| [^|]+ \\| [^|]+ \\|");
    private static final Pattern FIELD = Pattern.compile(
            "payload\\.([A-Z_]+)::([A-Z]+(?:\\(\\d+,\\d+\\))?) AS ([a-z_]+)");

    /** One column of the view: the record field it reads, its SQL type, its name. */
    record ViewColumn(String field, String type, String name) {
    }

    static List<ViewColumn> viewColumns(String file) throws IOException {
        String sql = Files.readString(Path.of("docs", file), StandardCharsets.UTF_8);
        String view = sql.substring(sql.indexOf("CREATE VIEW transactions"), sql.indexOf("FROM transaction_records;"));
        List<ViewColumn> columns = new ArrayList<>();
        Matcher m = FIELD.matcher(view);
        while (m.find()) {
            columns.add(new ViewColumn(m.group(1), m.group(2), m.group(3)));
        }
        return columns;
    }

    @Test
    void theViewHasOneTypedColumnPerRecordField() throws IOException {
        List<ViewColumn> expected = Arrays.stream(TransactionColumn.values()).map(column -> new ViewColumn(
                column.name(), column.redshiftType(), column.name().toLowerCase(Locale.ROOT))).toList();

        assertEquals(expected, viewColumns("redshift.sql"));
        assertEquals(expected, viewColumns("redshift-msk.sql"));
    }

    @Test
    void redshiftFromMskParsesEachValueOnceAndNamesEveryPermissionItsRoleNeeds() throws IOException {
        String sql = assertParsedOnce("redshift-msk.sql", "kafka_value",
                List.of("kafka-cluster:Connect", "kafka-cluster:DescribeTopic", "kafka-cluster:ReadData",
                        "kafka:GetBootstrapBrokers"));
        assertTrue(sql.contains("FROM MSK") && sql.contains("AUTHENTICATION iam"), "an MSK schema with IAM");
    }

    @Test
    void redshiftParsesEachRecordOnceAndNamesEveryPermissionItsRoleNeeds() throws IOException {
        assertParsedOnce("redshift.sql", "FROM_VARBYTE(kinesis_data, 'utf-8')",
                List.of("kinesis:DescribeStreamSummary", "kinesis:DescribeStream", "kinesis:ListShards",
                        "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListStreams", "kms:Decrypt"));
    }

    /** The file's materialized view parses {@code payload} once, and its comments name each permission. */
    private static String assertParsedOnce(String file, String payload, List<String> permissions) throws IOException {
        String sql = Files.readString(Path.of("docs", file), StandardCharsets.UTF_8);
        String view = sql.substring(sql.indexOf("CREATE MATERIALIZED VIEW"), sql.indexOf("CREATE VIEW transactions"));
        assertEquals(1, Pattern.compile("\\bJSON_PARSE\\(").matcher(view).results().count(),
                "one JSON_PARSE per record:\n" + view);
        assertTrue(view.contains("JSON_PARSE(" + payload + ") AS payload")
                && view.contains("WHERE CAN_JSON_PARSE(" + payload + ")"), view);
        assertTrue(!sql.toLowerCase(Locale.ROOT).contains("json_extract_path_text"), "no parse per column");
        for (String permission : permissions) {
            assertTrue(sql.contains(permission), permission + " in docs/" + file + "'s comments");
        }
        return sql;
    }

    @Test
    void theDataDictionaryHasARowForEachColumnInFileOrderWithItsTypeAndMeaning() throws IOException {
        String dictionary = Files.readString(Path.of("docs", "data.md"), StandardCharsets.UTF_8);
        String header = "| Column | Type | Meaning |\n|---|---|---|\n";
        assertTrue(dictionary.contains(header), "docs/data.md's table of columns");
        List<String> rows = dictionary.substring(dictionary.indexOf(header) + header.length()).lines()
                .takeWhile(line -> line.startsWith("|")).toList();
        List<String> documented = new ArrayList<>();
        for (String row : rows) {
            Matcher m = DICTIONARY_ROW.matcher(row);
            assertTrue(m.matches(), "a row of the column, its type and its meaning: " + row);
            documented.add(m.group(1));
        }
        assertEquals(TransactionColumn.names(), documented, "docs/data.md's columns, in file order");
    }
}
