package io.github.txsim.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.github.txsim.kinesis.KinesisSink;
import io.github.txsim.rows.InvalidRowException;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionRecords;
import io.github.txsim.rows.UnreadableFileException;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;
import io.github.txsim.simulator.TransactionCsvWriter;
import io.github.txsim.testing.LineAccounting;
import io.github.txsim.testing.Mutants;
import io.github.txsim.testing.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files from other programs: every row is counted or named as not counted, and nothing else stops the report. */
class TransactionFileReaderTest {

    private static final String HEADER = "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_TIME_SECONDS,"
            + "TX_TIME_DAYS,TX_FRAUD,TX_FRAUD_SCENARIO\n";

    @TempDir
    Path data;

    private ReportData read(byte[] content) throws Exception {
        Path file = Files.write(data.resolve("file.csv"), content);
        ReportData report = new ReportData();
        new TransactionFileReader().read(file, report);
        return report;
    }

    @Test
    void rowsThatAreNotTransactionsAreNamedWithTheirLineAndLeftOut() throws Exception {
        String rows = HEADER
                + "1,2018-07-01 00:00:01,5,6,10.50,1,0,0,0\n"
                + "2,2018-07-01 25:00:01,5,6,10.50,1,0,0,0\n"
                + "3,2018-07-01 00:00:02,-5,6,10.50,2,0,0,0\n"
                + "4,2018-07-01 00:00:03,5,6,ten,3,0,0,0\n"
                + "5,2018-07-01 00:00:04,5,6,10.50,4,0,1,7\n"
                + "6,2018-07-01 00:00:05,5,6\n"
                + "\n"
                + "8,2018-07-02 10:00:00,7,8,300.00,36000,1,1,1\n";
        ReportData report = read(rows.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, report.rows());
        assertEquals(6, report.uncounted());
        assertEquals(List.of(
                "file.csv line 3: TX_DATETIME is not a date and time (yyyy-MM-dd HH:mm:ss): '2018-07-01 25:00:01'",
                "file.csv line 4: CUSTOMER_ID is not an id from 0 to 2,147,483,647: '-5'",
                "file.csv line 5: TX_AMOUNT is not a number: 'ten'",
                "file.csv line 6: TX_FRAUD_SCENARIO is not a fraud scenario (0 to 3): '7'",
                "file.csv line 7: 4 fields where the header has 9",
                "file.csv line 8: blank line"), report.uncountedExamples());
        assertEquals(List.of(LocalDate.of(2018, 7, 1), LocalDate.of(2018, 7, 2)),
                report.days().stream().map(DayFigures::date).toList());
        assertEquals(1, report.days().get(1).scenario(1));
    }

    @Test
    void aRowThePublisherRejectsIsLeftOutWithThePublishersOwnReason() throws Exception {
        List<String> bad = List.of("2018-02-30 10:00:00,5,6,10.50", "2018-07-01 10:00:00,five,6,10.50",
                "2018-07-01 10:00:00,5,6,12.345", "2018-07-01 10:00:00,5,6,", "2018-07-01 10:00,5,6,1.00");
        String header = "TX_DATETIME,CUSTOMER_ID,TERMINAL_ID,TX_AMOUNT,TX_FRAUD_SCENARIO\n";
        String csv = header + bad.stream().map(row -> row + ",0\n").collect(Collectors.joining());
        TransactionRecords publisher = new TransactionRecords("CUSTOMER_ID", KinesisSink.LIMITS);
        List<String> rejected = new ArrayList<>();
        for (SourceRow row : Rows.of(csv)) {
            InvalidRowException e = assertThrows(InvalidRowException.class, () -> publisher.of(row, "file.csv"));
            rejected.add("file.csv line " + row.line() + ": " + e.reason());
        }

        ReportData report = read(csv.getBytes(StandardCharsets.UTF_8));

        assertEquals(0, report.rows());
        assertEquals(rejected, report.uncountedExamples());
    }

    @Test
    void aFileWithoutTheColumnsItNeedsIsRefusedSayingWhich() throws Exception {
        UnreadableFileException refused = assertThrows(UnreadableFileException.class,
                () -> read("TRANSACTION_ID,TX_DATETIME\n1,2018-07-01 00:00:01\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("has no column"), refused.getMessage());
    }

    @Test
    void overASeededCorpusOfBrokenFilesEveryRowIsCountedOrNamed() throws Exception {
        SimulatorSettings settings = new SimulatorSettings(200, 400, 5, 9, LocalDate.of(2018, 4, 1));
        ByteArrayOutputStream valid = new ByteArrayOutputStream();
        try (DailyTransactionGenerator generator = new DailyTransactionGenerator(settings,
                Population.generate(settings))) {
            new TransactionCsvWriter().write(generator.generate(LocalDate.of(2018, 7, 1)), valid);
        }
        int refused = 0;
        List<byte[]> mutants = Mutants.of(valid.toByteArray(), 200, 2024);
        for (int i = 0; i < mutants.size(); i++) {
            LineAccounting.Reading rows = LineAccounting.read(mutants.get(i));
            ReportData report;
            try {
                report = read(mutants.get(i));
            } catch (UnreadableFileException e) {
                refused++;
                continue; // a header the report cannot use: the command says so and stops
            }
            long failure = rows.unreadableFrom() > 0 ? 1 : 0;
            assertEquals(rows.rows().size() + failure, report.rows() + report.uncounted(),
                    "mutant " + i + ": rows counted and not counted");
        }
        assertTrue(refused < 60, refused + " of 200 mutants refused");
    }
}
