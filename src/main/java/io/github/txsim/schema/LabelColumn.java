package io.github.txsim.schema;

import java.util.Arrays;
import java.util.List;

/**
 * The schema of a label event, the record that tells, later than the transaction itself, what it was
 * ({@code labels.mode=delayed}): its columns in record order, each with its JSON type and its Redshift type. The
 * transaction's own columns keep the transaction schema's names and types ({@link TransactionColumn}); what each
 * column means is told in docs/data.md. Two kinds of event share it ({@link #LABEL_TYPE}): a fraud label for one
 * transaction, and a settlement marker for a day, after which a transaction of that day with no fraud label counts as
 * genuine.
 */
public enum LabelColumn {

    /** {@code FRAUD} for a transaction's fraud label, {@code SETTLED} for a day's settlement marker. */
    LABEL_TYPE(TransactionColumn.JsonType.STRING, "VARCHAR(8)"),
    TRANSACTION_ID(TransactionColumn.TRANSACTION_ID),
    TX_DATETIME(TransactionColumn.TX_DATETIME),
    CUSTOMER_ID(TransactionColumn.CUSTOMER_ID),
    TERMINAL_ID(TransactionColumn.TERMINAL_ID),
    TX_FRAUD(TransactionColumn.TX_FRAUD),
    TX_FRAUD_SCENARIO(TransactionColumn.TX_FRAUD_SCENARIO),
    /** When the label became known: the moment from which a consumer may use it. */
    LABEL_KNOWN_AT(TransactionColumn.JsonType.DATE_TIME, "TIMESTAMP"),
    /** How it became known: {@code cardholder_report}, {@code fixed_delay} or {@code settlement}. */
    LABEL_SOURCE(TransactionColumn.JsonType.STRING, "VARCHAR(20)"),
    /**
     * A settlement marker's: every transaction before this moment (the end of the day it settles) that has no fraud
     * label known by {@link #LABEL_KNOWN_AT} counts as genuine from then on.
     */
    SETTLED_BEFORE(TransactionColumn.JsonType.DATE_TIME, "TIMESTAMP");

    private final TransactionColumn.JsonType jsonType;
    private final String redshiftType;

    LabelColumn(TransactionColumn.JsonType jsonType, String redshiftType) {
        this.jsonType = jsonType;
        this.redshiftType = redshiftType;
    }

    /** A column of the transaction, under its name and of its types. */
    LabelColumn(TransactionColumn column) {
        this(column.jsonType(), column.redshiftType());
        if (!column.name().equals(name())) {
            throw new IllegalStateException(name() + " is not " + column);
        }
    }

    /** The transaction columns a label event repeats, so that a consumer can join or key it without the transaction. */
    public static List<TransactionColumn> transactionColumns() {
        return Arrays.stream(values()).flatMap(column -> TransactionColumn.named(column.name()).stream()).toList();
    }

    public TransactionColumn.JsonType jsonType() {
        return jsonType;
    }

    public String redshiftType() {
        return redshiftType;
    }
}
