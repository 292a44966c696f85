package io.github.txsim.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransactionCsvWriterTest {

    @Test
    void writesTheHandbooksColumnsWithTwoDecimalAmountsAndDateTimes() throws Exception {
        long day = 3;
        DayOfTransactions transactions = new DayOfTransactions(LocalDate.of(2018, 4, 4), day, List.of(
                new Transaction(TransactionIds.of(day * 86_400 + 7, 12, 0), day * 86_400 + 7, 12, 345, 490, 0),
                new Transaction(TransactionIds.of(day * 86_400 + 86_399, 3, 1), day * 86_400 + 86_399, 3, 9,
                        123_456, 1)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new TransactionCsvWriter().write(transactions, out);

        assertEquals("""
                TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,TX_TIME_DAYS,TX_FRAUD,\
                TX_FRAUD_SCENARIO
                259207000000120,2018-04-04 00:00:07,12,345,4.90,259207,3,0,0
                345599000000031,2018-04-04 23:59:59,3,9,1234.56,345599,3,1,1
                """, out.toString(StandardCharsets.UTF_8));
    }
}
