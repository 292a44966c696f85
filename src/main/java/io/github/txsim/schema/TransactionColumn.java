package io.github.txsim.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The record schema: the columns of a transaction, in file order, the one definition of each column's name, its type
 * in a record's JSON and its type in Redshift. The simulator writes them, the publisher's rows are checked and made
 * into records by them, and the verifier and the report read files by them. What each column means is told in the
 * data dictionary (docs/data.md); tests check it and the Redshift view (docs/redshift.sql) against this schema.
 * Adding a column means adding it here, to the generator (the simulator's Transaction and TransactionCsvWriter) and
 * to docs/data.md.
 */
public enum TransactionColumn {

    TRANSACTION_ID(JsonType.INTEGER, "BIGINT"),
    TX_DATETIME(JsonType.DATE_TIME, "TIMESTAMP"),
    CUSTOMER_ID(JsonType.INTEGER, "BIGINT"),
    TERMINAL_ID(JsonType.INTEGER, "BIGINT"),
    TX_AMOUNT(JsonType.AMOUNT, "DECIMAL(12,2)"),
    TX_TIME_SECONDS(JsonType.INTEGER, "BIGINT"),
    TX_TIME_DAYS(JsonType.INTEGER, "INTEGER"),
    TX_FRAUD(JsonType.INTEGER, "SMALLINT"),
    TX_FRAUD_SCENARIO(JsonType.INTEGER, "SMALLINT");

    /** How a column's value is written in a record's JSON. */
    public enum JsonType {
        /** a JSON integer */
        INTEGER,
        /** a JSON number with two decimals: an amount in cents */
        AMOUNT,
        /** a JSON string, {@code yyyy-MM-dd HH:mm:ss} */
        DATE_TIME,
        /** a JSON string: a column the schema does not know (a file's extra column) */
        STRING
    }

    private static final Map<String, TransactionColumn> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(TransactionColumn::name, Function.identity()));

    private final JsonType jsonType;
    private final String redshiftType;

    TransactionColumn(JsonType jsonType, String redshiftType) {
        this.jsonType = jsonType;
        this.redshiftType = redshiftType;
    }

    /** The column names, in file order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(TransactionColumn::name).toList();
    }

    /** The column of this name; empty for a column the schema does not know (a file's extra column). */
    public static Optional<TransactionColumn> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public JsonType jsonType() {
        return jsonType;
    }

    /** The type of the column in the Redshift view that reads the stream. */
    public String redshiftType() {
        return redshiftType;
    }
}
