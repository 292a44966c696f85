package io.github.txsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import io.github.txsim.rows.ColumnRules;
import io.github.txsim.rows.CsvHeader;
import io.github.txsim.rows.InvalidRowException;
import io.github.txsim.rows.SourceFileReader;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.SourceRows;
import io.github.txsim.rows.SourceText;
import io.github.txsim.rows.TransactionJson;
import io.github.txsim.schema.TransactionColumn;
import io.github.txsim.simulator.FraudScenario;
import io.github.txsim.simulator.Transaction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads a transaction file into a report's figures, in one streaming pass: the same strict reading as the publisher's
 * ({@link SourceText}, Commons CSV, {@link SourceRows}) and the same validation of each value ({@link TransactionJson}),
 * so a line the publisher would reject is not counted here either, and the report names it with the publisher's
 * reason. On top of that the report needs ids it can count (0 to 2,147,483,647), an amount of 0 or more and a
 * scenario it knows. Memory stays bounded whatever the file holds (following labels, it also holds the cards' cases
 * still open).
 */
public final class TransactionFileReader {

    private static final ColumnRules COLUMNS = new ColumnRules(Map.of(
            TransactionColumn.TX_DATETIME.name(), "the time of each transaction",
            TransactionColumn.CUSTOMER_ID.name(), "the customer of each transaction",
            TransactionColumn.TERMINAL_ID.name(), "the terminal of each transaction",
            TransactionColumn.TX_AMOUNT.name(), "the amount of each transaction",
            TransactionColumn.TX_FRAUD_SCENARIO.name(), "the fraud scenario of each transaction"), true);
    private static final String TX_DATETIME = TransactionColumn.TX_DATETIME.name();
    private static final String TX_AMOUNT = TransactionColumn.TX_AMOUNT.name();
    private static final String TX_FRAUD_SCENARIO = TransactionColumn.TX_FRAUD_SCENARIO.name();
    private static final String TRANSACTION_ID = TransactionColumn.TRANSACTION_ID.name();
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
                String problem = row.problem() != null ? row.problem() : count(row, at, dates, data, name);
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
    private static String count(SourceRow row, Positions at, Dates dates, ReportData data, String name) {
        try {
            String time = TransactionJson.dateTime(TX_DATETIME, row.value(at.time), name, row);
            int customer = id(TransactionColumn.CUSTOMER_ID.name(), row.value(at.customer), name, row);
            int terminal = id(TransactionColumn.TERMINAL_ID.name(), row.value(at.terminal), name, row);
            BigDecimal amount = TransactionJson.amount(TX_AMOUNT, row.value(at.amount), name, row);
            if (amount.signum() < 0) {
                return TX_AMOUNT + " is not an amount of 0 or more: '" + row.value(at.amount) + "'";
            }
            long scenario = TransactionJson.integer(TX_FRAUD_SCENARIO, row.value(at.scenario), name, row);
            if (scenario < FraudScenario.NONE || scenario > FraudScenario.all().size()) {
                return TX_FRAUD_SCENARIO + " is not a fraud scenario (0 to " + FraudScenario.all().size() + "): '"
                        + row.value(at.scenario) + "'";
            }
            // read before anything is counted: a row the label stream cannot draw is not counted at all
            long id = data.followsLabels() && scenario != FraudScenario.NONE && at.id >= 0
                    ? TransactionJson.integer(TRANSACTION_ID, row.value(at.id), name, row) : -1;
            DayFigures day = data.day(dates.of(time.substring(0, 10)));
            day.add(secondOfDay(time), customer, terminal, amount.movePointRight(2).longValueExact(), (int) scenario);
            if (id >= 0) {
                data.fraudKnown(day, customer, id, day.date().toEpochDay() * Transaction.SECONDS_PER_DAY + secondOfDay(time));
            }
            return null;
        } catch (InvalidRowException e) {
            return e.reason();
        }
    }

    /** The second of the day of a valid {@code yyyy-MM-dd HH:mm:ss}. */
    private static int secondOfDay(String time) {
        return digits(time, 11) * 3600 + digits(time, 14) * 60 + digits(time, 17);
    }

    private static int digits(String text, int at) {
        return (text.charAt(at) - '0') * 10 + text.charAt(at + 1) - '0';
    }

    /** An id the report can count: a whole number (as the publisher reads it) from 0 to Integer.MAX_VALUE. */
    private static int id(String column, String value, String name, SourceRow row) {
        long id = TransactionJson.integer(column, value, name, row);
        if (id < 0 || id > Integer.MAX_VALUE) {
            throw new InvalidRowException(name, row, column + " is not an id from 0 to 2,147,483,647: '" + value
                    + "'");
        }
        return (int) id;
    }

    private static final class Positions {
        final int time;
        final int customer;
        final int terminal;
        final int amount;
        final int scenario;
        /** -1 when the file has none: its frauds' labels cannot be drawn */
        final int id;

        Positions(CsvHeader header) {
            id = header.positionOf(TRANSACTION_ID);
            time = header.positionOf(TransactionColumn.TX_DATETIME.name());
            customer = header.positionOf(TransactionColumn.CUSTOMER_ID.name());
            terminal = header.positionOf(TransactionColumn.TERMINAL_ID.name());
            amount = header.positionOf(TransactionColumn.TX_AMOUNT.name());
            scenario = header.positionOf(TransactionColumn.TX_FRAUD_SCENARIO.name());
        }
    }

    /** The date of the last row's (valid) date text, parsed again only when it changes (a file holds a day or a few). */
    private static final class Dates {
        private String text;
        private LocalDate date;

        LocalDate of(String dateText) {
            if (!dateText.equals(text)) {
                text = dateText;
                date = LocalDate.parse(dateText);
            }
            return date;
        }
    }
}
