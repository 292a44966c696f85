package io.github.txsim.simulator;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a day of transactions as CSV with the handbook's columns, in the handbook's order.
 */
public final class TransactionCsvWriter {

    public static final List<String> COLUMNS = List.of("TRANSACTION_ID", "TX_DATETIME", "CUSTOMER_ID", "TERMINAL_ID",
            "TX_AMOUNT", "TX_TIME_SECONDS", "TX_TIME_DAYS", "TX_FRAUD", "TX_FRAUD_SCENARIO");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader(COLUMNS.toArray(String[]::new))
            .setRecordSeparator('\n')
            .get();

    public void write(DayOfTransactions day, Writer out) throws IOException {
        String datePrefix = day.date() + " ";
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            for (Transaction t : day.transactions()) {
                printer.printRecord(
                        t.transactionId(),
                        datePrefix + timeOfDay(t.timeSeconds()),
                        t.customerId(),
                        t.terminalId(),
                        amount(t.amountCents()),
                        t.timeSeconds(),
                        t.timeDays(),
                        t.isFraud() ? 1 : 0,
                        t.fraudScenario());
            }
        }
    }

    static String timeOfDay(long timeSeconds) {
        int seconds = (int) (timeSeconds % Transaction.SECONDS_PER_DAY);
        return twoDigits(seconds / 3600) + ":" + twoDigits(seconds / 60 % 60) + ":" + twoDigits(seconds % 60);
    }

    static String amount(long cents) {
        return cents / 100 + "." + twoDigits((int) (cents % 100));
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
