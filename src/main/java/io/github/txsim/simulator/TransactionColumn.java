package io.github.txsim.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of a transaction, in file order: the one definition of each column's name, its type in a record's
 * JSON, its Redshift type and its meaning. The CSV header and each record's JSON types are derived from it; the data
 * dictionary (docs/data.md) and the Redshift view (docs/redshift.sql) are checked against it by tests. Adding a
 * column means adding it here and to the generator ({@link Transaction}, {@link TransactionCsvWriter}).
 */
public enum TransactionColumn {

    TRANSACTION_ID(JsonType.INTEGER, "BIGINT", "integer (64-bit)", "Unique and increasing with time: TX_TIME_SECONDS "
            + "x 10^9 + CUSTOMER_ID x 10 + n, n numbering the customer's transactions within that second (0 for the "
            + "first). The same settings and date always give the same ids (see [Transaction ids](#transaction-ids))."),
    TX_DATETIME(JsonType.DATE_TIME, "TIMESTAMP", "string, `yyyy-MM-dd HH:mm:ss`", "When the payment happened (no time "
            + "zone: the realtime pacing reads it in the machine's zone)."),
    CUSTOMER_ID(JsonType.INTEGER, "BIGINT", "integer", "The customer, 0 to `simulator.customers` - 1. The record's "
            + "partition key."),
    TERMINAL_ID(JsonType.INTEGER, "BIGINT", "integer", "The terminal the customer paid at, 0 to "
            + "`simulator.terminals` - 1."),
    TX_AMOUNT(JsonType.AMOUNT, "DECIMAL(12,2)", "decimal, 2 places", "The amount."),
    TX_TIME_SECONDS(JsonType.INTEGER, "BIGINT", "integer", "Seconds since midnight of day 0 (`simulator.startDate`)."),
    TX_TIME_DAYS(JsonType.INTEGER, "INTEGER", "integer", "Days since day 0."),
    TX_FRAUD(JsonType.INTEGER, "SMALLINT", "0 or 1", "1: the transaction is fraudulent."),
    TX_FRAUD_SCENARIO(JsonType.INTEGER, "SMALLINT", "0 to 3", "Which scenario made it fraudulent (0: legitimate).");

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
    private final String documentedType;
    private final String meaning;

    TransactionColumn(JsonType jsonType, String redshiftType, String documentedType, String meaning) {
        this.jsonType = jsonType;
        this.redshiftType = redshiftType;
        this.documentedType = documentedType;
        this.meaning = meaning;
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

    /** The type as the data dictionary states it. */
    public String documentedType() {
        return documentedType;
    }

    /** What the column holds, as the data dictionary states it. */
    public String meaning() {
        return meaning;
    }
}
