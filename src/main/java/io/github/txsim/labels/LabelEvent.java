package io.github.txsim.labels;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An event of the label stream ({@link io.github.txsim.schema.LabelColumn}): a transaction's fraud label, or a day's
 * settlement marker. Each becomes known at a moment of event time, and goes out once the stream's event time has passed
 * it.
 */
public sealed interface LabelEvent {

    /** When it became known, in event time (the transactions' {@code TX_DATETIME}, without a zone). */
    LocalDateTime knownAt();

    /** The record's partition key: the customer, as the transactions' own; a settlement marker's day. */
    String partitionKey();

    /** What a store or a log names it by: its transaction's id, or {@code settled:} and its day. */
    String id();

    /**
     * A fraud, known when its card's case is reported ({@code cardholder_report}) or a fixed delay after it
     * ({@code fixed_delay}).
     */
    record FraudLabel(long transactionId, LocalDateTime madeAt, long customerId, Long terminalId, Integer scenario,
            LocalDateTime knownAt, String source) implements LabelEvent {

        @Override
        public String partitionKey() {
            return Long.toString(customerId);
        }

        @Override
        public String id() {
            return Long.toString(transactionId);
        }
    }

    /**
     * The end of a day's wait: from {@code knownAt} on, a transaction of {@code day} with no fraud label known counts
     * as genuine.
     */
    record Settlement(LocalDate day, LocalDateTime knownAt) implements LabelEvent {

        /** The marker's label source. */
        public static final String SOURCE = "settlement";
        /** What a marker's id begins with. */
        public static final String ID_PREFIX = "settled:";

        /** Every transaction before this moment is settled by the marker. */
        public LocalDateTime settledBefore() {
            return day.plusDays(1).atStartOfDay();
        }

        @Override
        public String partitionKey() {
            return "settled-" + day;
        }

        @Override
        public String id() {
            return ID_PREFIX + day;
        }
    }
}
