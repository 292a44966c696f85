package io.github.txsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

import io.github.txsim.rows.ColumnRules;
import io.github.txsim.rows.CsvHeader;
import io.github.txsim.rows.SourceFileReader;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.SourceRows;
import io.github.txsim.rows.SourceText;
import io.github.txsim.schema.TransactionColumn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads a transaction file into a report's figures, in one streaming pass: the same strict reading as the publisher's
 * ({@link SourceText}, Commons CSV, {@link SourceRows}), so a line the publisher would reject is not counted here
 * either, and the report names it. Memory stays bounded whatever the file holds.
 */
public final class TransactionFileReader {

    private static final ColumnRules COLUMNS = new ColumnRules(Map.of(
            TransactionColumn.TX_DATETIME.name(), "the time of each transaction",
            TransactionColumn.CUSTOMER_ID.name(), "the customer of each transaction",
            TransactionColumn.TERMINAL_ID.name(), "the terminal of each transaction",
            TransactionColumn.TX_AMOUNT.name(), "the amount of each transaction",
            TransactionColumn.TX_FRAUD_SCENARIO.name(), "the fraud scenario of each transaction"), true);
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).build();

    /**
     * Adds the file's rows to the report's figures.
     *
     * @throws io.github.txsim.rows.UnreadableFileException when the file has no usable header
     */
    public void read(Path file, ReportData data) throws IOException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file);
                SourceText text = new SourceText(in, SourceFileReader.ROW_LIMIT);
                CSVParser parser = CSVParser.parse(text, FORMAT)) {
            SourceRows rows = new SourceRows(parser.iterator(), text, name, COLUMNS, SourceFileReader.ROW_LIMIT);
            data.addFile(name);
            if (rows.header() == null) {
                return;
            }
            Positions at = new Positions(rows.header());
            Dates dates = new Dates();
            while (rows.hasNext()) {
                SourceRow row = rows.next();
                String problem = row.problem() != null ? row.problem() : count(row, at, dates, data);
                if (problem != null) {
                    data.uncounted(name, row.line(), problem);
                }
            }
            if (rows.failure() != null) {
                data.uncounted(name, rows.failure().fromLine(), rows.failure().reason()
                        + " (this line and every line after it)");
            }
            data.settle();
        }
    }

    /** Counts the row; returns why it cannot be counted, or null. */
    private static String count(SourceRow row, Positions at, Dates dates, ReportData data) {
        String time = row.value(at.time);
        if (time.length() != 19 || time.charAt(10) != ' ' || time.charAt(13) != ':' || time.charAt(16) != ':') {
            return "TX_DATETIME is not yyyy-MM-dd HH:mm:ss: '" + time + "'";
        }
        LocalDate date = dates.of(time.substring(0, 10));
        int hour = digits(time, 11);
        int minute = digits(time, 14);
        int second = digits(time, 17);
        if (date == null || hour > 23 || minute > 59 || second > 59) {
            return "TX_DATETIME is not a valid yyyy-MM-dd HH:mm:ss: '" + time + "'";
        }
        int customer = id(row.value(at.customer));
        int terminal = id(row.value(at.terminal));
        if (customer < 0 || terminal < 0) {
            return (customer < 0 ? "CUSTOMER_ID" : "TERMINAL_ID") + " is not a whole number from 0 to 2,147,483,647";
        }
        double amount;
        try {
            amount = Double.parseDouble(row.value(at.amount));
        } catch (NumberFormatException e) {
            amount = Double.NaN;
        }
        if (!(amount >= 0 && amount < 1e15)) {
            return "TX_AMOUNT is not an amount of 0 or more: '" + row.value(at.amount) + "'";
        }
        String scenario = row.value(at.scenario);
        if (scenario.length() != 1 || scenario.charAt(0) < '0' || scenario.charAt(0) > '3') {
            return "TX_FRAUD_SCENARIO is not 0, 1, 2 or 3: '" + scenario + "'";
        }
        data.day(date).add(hour * 3600 + minute * 60 + second, customer, terminal, Math.round(amount * 100),
                scenario.charAt(0) - '0');
        return null;
    }

    /** Two digits at the position, or 99 when they are not digits. */
    private static int digits(String text, int at) {
        char tens = text.charAt(at);
        char units = text.charAt(at + 1);
        return tens >= '0' && tens <= '9' && units >= '0' && units <= '9' ? (tens - '0') * 10 + units - '0' : 99;
    }

    /** The id, or -1 when the text is not a whole number from 0 to Integer.MAX_VALUE. */
    private static int id(String text) {
        try {
            return Math.max(-1, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static final class Positions {
        final int time;
        final int customer;
        final int terminal;
        final int amount;
        final int scenario;

        Positions(CsvHeader header) {
            time = header.positionOf(TransactionColumn.TX_DATETIME.name());
            customer = header.positionOf(TransactionColumn.CUSTOMER_ID.name());
            terminal = header.positionOf(TransactionColumn.TERMINAL_ID.name());
            amount = header.positionOf(TransactionColumn.TX_AMOUNT.name());
            scenario = header.positionOf(TransactionColumn.TX_FRAUD_SCENARIO.name());
        }
    }

    /** The date of the last row's date text, parsed again only when it changes (a file holds a day or a few). */
    private static final class Dates {
        private String text;
        private LocalDate date;

        LocalDate of(String dateText) {
            if (!dateText.equals(text)) {
                text = dateText;
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeException e) {
                    date = null;
                }
            }
            return date;
        }
    }
}
