package io.github.txsim.testing;

import java.time.LocalDate;

import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.DayOfTransactions;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;
import io.github.txsim.simulator.Transaction;
import io.github.txsim.schema.TransactionColumn;

/**
 * A day of transactions written the way the Fraud Detection Handbook's and the tutorial's Python code writes it, with
 * pandas' {@code DataFrame.to_csv}: the frame's index as an unnamed first column (unless {@code index=False}), each
 * amount as the shortest text of a binary float ({@code 57.16}, and for a scenario-3 fraud, which the handbook
 * multiplies by 5 in floating point, values such as {@code 49.900000000000006}), LF line endings.
 */
public final class PandasCsv {

    private PandasCsv() {
    }

    /** A day of the handbook's reference population (5,000 customers, 10,000 terminals): about 9,700 rows. */
    public static DayOfTransactions handbookDay(LocalDate date) {
        SimulatorSettings settings = new SimulatorSettings(5_000, 10_000, 5, 11, TransactionFiles.START);
        return new DailyTransactionGenerator(settings, Population.generate(settings)).generate(date);
    }

    /** The day as pandas writes it, with or without its index column. */
    public static String of(DayOfTransactions day, boolean index) {
        StringBuilder csv = new StringBuilder();
        csv.append(index ? "," : "").append(String.join(",", TransactionColumn.names())).append('\n');
        int row = 0;
        for (Transaction t : day.transactions()) {
            long second = t.timeSeconds() % Transaction.SECONDS_PER_DAY;
            if (index) {
                csv.append(row++).append(',');
            }
            csv.append(t.transactionId()).append(',')
                    .append(String.format("%s %02d:%02d:%02d", day.date(), second / 3600, second / 60 % 60, second % 60))
                    .append(',').append(t.customerId()).append(',').append(t.terminalId()).append(',')
                    .append(amount(t)).append(',').append(t.timeSeconds()).append(',').append(t.timeDays())
                    .append(',').append(t.isFraud() ? 1 : 0).append(',').append(t.fraudScenario()).append('\n');
        }
        return csv.toString();
    }

    /** The amount as the handbook computes it: a scenario-3 fraud's is 5 times the customer's, in floating point. */
    static double amount(Transaction t) {
        return t.fraudScenario() == 3 && t.amountCents() % 5 == 0
                ? t.amountCents() / 5 / 100.0 * 5 : t.amountCents() / 100.0;
    }
}
