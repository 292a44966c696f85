package io.github.txsim.rows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.txsim.kinesis.KinesisSink;
import io.github.txsim.testing.Rows;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransactionJsonTest {

    private static final String HEADER = "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,"
            + "TX_TIME_SECONDS,TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO";

    private final TransactionJson json = new TransactionJson();

    private static List<SourceRow> rows(String csv) {
        return Rows.of(csv);
    }

    private String toJson(String csv) throws Exception {
        return new String(json.toJson(rows(csv).get(0), "day.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void numericColumnsBecomeJsonNumbersAndTheDateTimeAString() throws Exception {
        String record = toJson(HEADER + "\n259207000012000,2018-04-04 00:00:07,12,345,4.90,259207,3,0,0\n");

        assertEquals("{\"TRANSACTION_ID\":259207000012000,\"TX_DATETIME\":\"2018-04-04 00:00:07\","
                + "\"CUSTOMER_ID\":12,\"TERMINAL_ID\":345,\"TX_AMOUNT\":4.90,\"TX_TIME_SECONDS\":259207,"
                + "\"TX_TIME_DAYS\":3,\"TX_FRAUD\":0,\"TX_FRAUD_SCENARIO\":0}", record);
    }

    @Test
    void amountsAlwaysCarryTwoDecimals() throws Exception {
        assertEquals("{\"TX_AMOUNT\":57.00}", toJson("TX_AMOUNT\n57\n"));
        assertEquals("{\"TX_AMOUNT\":0.50}", toJson("TX_AMOUNT\n0.5\n"));
    }

    @Test
    void columnsTheSchemaDoesNotKnowStayStrings() throws Exception {
        assertEquals("{\"CUSTOMER_ID\":7,\"NOTE\":\"a, \\\"quoted\\\" note\"}",
                toJson("CUSTOMER_ID,NOTE\n7,\"a, \"\"quoted\"\" note\"\n"));
    }

    @Test
    void aNonNumericValueNamesTheFileTheLineAndTheColumn() throws Exception {
        List<SourceRow> rows = rows("CUSTOMER_ID,TX_AMOUNT\n1,2.00\n2,abc\n");

        InvalidRowException e = assertThrows(InvalidRowException.class, () -> json.toJson(rows.get(1), "day.csv"));

        assertEquals("day.csv line 3: TX_AMOUNT is not a number: 'abc'", e.getMessage());
    }

    @Test
    void anAmountWithMoreThanTwoDecimalsIsRefusedRatherThanRounded() throws Exception {
        InvalidRowException e = assertThrows(InvalidRowException.class,
                () -> json.toJson(rows("TX_AMOUNT\n1.005\n").get(0), "day.csv"));
        assertEquals("day.csv line 2: TX_AMOUNT has more than two decimals: '1.005'", e.getMessage());
    }

    @Test
    void anAmountOffAWholeCentByFloatingPointNoiseIsThatCent() throws Exception {
        // what pandas writes for the handbook's scenario-3 amounts, 5 times an amount in binary floating point
        assertEquals("{\"TX_AMOUNT\":49.90}", toJson("TX_AMOUNT\n49.900000000000006\n"));
        assertEquals("{\"TX_AMOUNT\":314.55}", toJson("TX_AMOUNT\n314.54999999999995\n"));
        assertEquals("{\"TX_AMOUNT\":400.45}", toJson("TX_AMOUNT\n400.4500000000001\n"));
        assertEquals("{\"TX_AMOUNT\":12.00}", toJson("TX_AMOUNT\n12.000000009\n"), "within a millionth of a cent");
        assertEquals("{\"TX_AMOUNT\":12.30}", toJson("TX_AMOUNT\n12.3\n"));
        assertEquals("{\"TX_AMOUNT\":7.00}", toJson("TX_AMOUNT\n7\n"));
    }

    @Test
    void anAmountWithRealSubCentPrecisionIsStillRefused() throws Exception {
        for (String amount : List.of("12.345", "12.3401", "12.00000002", "0.001")) {
            InvalidRowException e = assertThrows(InvalidRowException.class,
                    () -> json.toJson(rows("TX_AMOUNT\n" + amount + "\n").get(0), "day.csv"));
            assertEquals("day.csv line 2: TX_AMOUNT has more than two decimals: '" + amount + "'", e.getMessage());
        }
    }

    @Test
    void pandasUnnamedIndexColumnIsLeftOutOfTheRecord() throws Exception {
        assertEquals("{\"TRANSACTION_ID\":5,\"CUSTOMER_ID\":7,\"TX_AMOUNT\":1.50}",
                toJson(",TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT\n0,5,7,1.5\n"));
    }

    @Test
    void anIntegerColumnWrittenAsFloatsByPandasIsTakenAsItsInteger() throws Exception {
        assertEquals("{\"CUSTOMER_ID\":348,\"TX_FRAUD\":0}", toJson("CUSTOMER_ID,TX_FRAUD\n348.0,0.0\n"));
        assertEquals("{\"CUSTOMER_ID\":17}", toJson("CUSTOMER_ID\n 17 \n"));
    }

    @Test
    void anIntegerColumnWithAFractionIsRefused() throws Exception {
        for (String value : List.of("348.5", "1e-3", "9223372036854775808", "", "12a")) {
            InvalidRowException e = assertThrows(InvalidRowException.class,
                    () -> json.toJson(rows("CUSTOMER_ID,X\n" + value + ",x\n").get(0), "day.csv"));
            assertEquals("day.csv line 2: CUSTOMER_ID is not a whole number: '" + value + "'", e.getMessage());
        }
    }

    @Test
    void aDateTimeThatIsNotOneOfTheCalendarIsRefused() throws Exception {
        for (String value : List.of("2018-04-01 00:00:0x", "yesterday", "", "2018-02-30 25:61:61",
                "2018-02-30 00:00:00", "2018-04-01T00:00:00", "2018-4-1 0:0:0", "2018-04-01 24:00:00")) {
            InvalidRowException e = assertThrows(InvalidRowException.class,
                    () -> json.toJson(rows("TX_DATETIME,X\n" + value + ",x\n").get(0), "day.csv"));
            assertEquals("day.csv line 2: TX_DATETIME is not a date and time (yyyy-MM-dd HH:mm:ss): '" + value + "'",
                    e.getMessage());
        }
        assertEquals("{\"TX_DATETIME\":\"2016-02-29 23:59:59\"}", toJson("TX_DATETIME\n 2016-02-29 23:59:59\n"));
    }

    @Test
    void thePartitionKeyIsTheValueTheJsonHolds() throws Exception {
        TransactionRecords records = new TransactionRecords("CUSTOMER_ID", KinesisSink.LIMITS);
        for (String value : List.of(" 17 ", "17.0", "17", "1.7e1")) {
            TransactionRecord record = records.of(rows("CUSTOMER_ID\n\"" + value + "\"\n").get(0), "day.csv");
            assertEquals("17", record.partitionKey(), value);
            assertEquals("{\"CUSTOMER_ID\":17}", new String(record.data(), StandardCharsets.UTF_8), value);
        }
    }
}
