package io.github.txsim.labels;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.github.txsim.rows.EventTimes;
import io.github.txsim.rows.InvalidRowException;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionJson;
import io.github.txsim.schema.TransactionColumn;

/**
 * What the label stream learns of each row published: a fraud row's label, known when its card's case is reported
 * ({@link CardCases}, the default) or a fixed delay after it (the handbook's). Labels are derived from the rows as
 * published, so a file of another program's that has the label columns gets its label stream too.
 * <p>
 * Not thread-safe: one publishing flow owns it.
 */
public final class RowLabels {

    /** How a fraud known through its card's case became known. */
    static final String CARDHOLDER_REPORT = "cardholder_report";
    /** How a fraud known a fixed delay after it became known. */
    static final String FIXED_DELAY = "fixed_delay";

    private final ReportDelay delay;
    private final CardCases cases;

    public RowLabels(ReportDelay delay) {
        this(delay, Map.of());
    }

    /**
     * @param openCases the cards' cases open when the run starts ({@link PendingLabels#cardReports}): a restart draws
     *                  the labels an uninterrupted run would
     */
    public RowLabels(ReportDelay delay, Map<Long, Long> openCases) {
        this.delay = delay;
        this.cases = new CardCases(delay, openCases);
    }

    /**
     * The label of a fraud row; empty for a genuine one.
     *
     * @throws InvalidRowException naming the column, when a column the label needs cannot be read: the row cannot go
     *                             out without its label
     */
    public Optional<LabelEvent.FraudLabel> of(SourceRow row, String fileName) {
        if ("0".equals(row.get(TransactionColumn.TX_FRAUD.name()))  // nearly every row, read at once
                || integer(row, TransactionColumn.TX_FRAUD, fileName) == 0) {
            return Optional.empty();
        }
        long id = integer(row, TransactionColumn.TRANSACTION_ID, fileName);
        long customer = integer(row, TransactionColumn.CUSTOMER_ID, fileName);
        LocalDateTime madeAt = madeAt(row, fileName);
        String terminal = row.get(TransactionColumn.TERMINAL_ID.name());
        String scenario = row.get(TransactionColumn.TX_FRAUD_SCENARIO.name());
        long known = discover(customer, id, madeAt.toEpochSecond(ZoneOffset.UTC)).knownAt();
        return Optional.of(new LabelEvent.FraudLabel(id, madeAt, customer,
                terminal == null ? null : integer(row, TransactionColumn.TERMINAL_ID, fileName),
                scenario == null ? null : (int) integer(row, TransactionColumn.TX_FRAUD_SCENARIO, fileName),
                LocalDateTime.ofEpochSecond(known, 0, ZoneOffset.UTC),
                delay instanceof ReportDelay.Fixed ? FIXED_DELAY : CARDHOLDER_REPORT));
    }

    /**
     * When a fraud becomes known, and whether it opens its card's case (the fraud the cardholder reports) or joins
     * one; with a fixed delay each fraud is a case of its own. Call it for the card's frauds in time order.
     *
     * @param madeAt when the fraud was made, in epoch seconds
     */
    public Discovery discover(long customer, long transactionId, long madeAt) {
        return delay instanceof ReportDelay.Fixed ? new Discovery(madeAt + delay.after(transactionId).toSeconds(), true)
                : cases.discover(customer, transactionId, madeAt);
    }

    /** The model of the delays, for the values a report expects. */
    public ReportDelay delay() {
        return delay;
    }

    /**
     * When a fraud becomes known.
     *
     * @param knownAt   in epoch seconds
     * @param opensCase whether it opened its card's case rather than joined one open already
     */
    public record Discovery(long knownAt, boolean opensCase) {
    }

    /** When the row's transaction was made. */
    public static LocalDateTime madeAt(SourceRow row, String fileName) {
        String column = TransactionColumn.TX_DATETIME.name();
        String value = value(row, column, fileName);
        LocalDateTime madeAt = EventTimes.parse(value.strip());
        if (madeAt == null) {
            TransactionJson.dateTime(column, value, fileName, row); // names the row and the value
        }
        return madeAt;
    }

    /**
     * Forgets the cards' cases reported before this moment of event time (they can no longer change a label), to keep
     * memory to the cases open.
     */
    public void forgetReportedBefore(LocalDateTime moment) {
        cases.forgetReportedBefore(moment.toEpochSecond(ZoneOffset.UTC));
    }

    private static long integer(SourceRow row, TransactionColumn column, String fileName) {
        return TransactionJson.integer(column.name(), value(row, column.name(), fileName), fileName, row);
    }

    private static String value(SourceRow row, String column, String fileName) {
        String value = row.get(column);
        if (value == null) {
            throw new InvalidRowException(fileName, row, "the file has no " + column + " column, which a label needs");
        }
        return value;
    }
}
