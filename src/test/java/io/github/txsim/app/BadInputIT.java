package io.github.txsim.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.testing.FaultInjectingKinesisClient;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files as they come: RFC 4180 quoting, a byte order mark, CRLF, bad rows, empty files, row counts around the group
 * size, names already archived, files that are not for the publisher. Each case reads the stream back.
 */
class BadInputIT extends ApplicationIT {

    private final FaultInjectingKinesisClient client = new FaultInjectingKinesisClient(KINESIS.client());
    private final ObjectMapper json = new ObjectMapper();

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false")
                .set("camel.component.aws2-kinesis.amazonKinesisClient", "#bean:countingClient")
                .bind("countingClient", client);
    }

    private List<JsonNode> records() throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String record : received()) {
            records.add(json.readTree(record));
        }
        return records;
    }

    @Test
    void rfc4180QuotingByteOrderMarkAndCrlfArePublishedAndBadRowsRejectedWithTheirLines() throws Exception {
        String csv = "\uFEFFTRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT,NOTE\r\n"
                + "1,10,1.00,\"comma, inside\"\r\n"
                + "2,20,2.00,\"an \"\"escaped\"\" quote\"\r\n"
                + "3,30,3.00,\"two\r\nlines\"\r\n"
                + "4,40,four,bad amount\r\n"
                + "5,50,5.00\r\n"
                + "6,60,6.00,last\r\n";
        TransactionFiles.write(source(), "quoted.csv", csv);

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(archive()).size() == 2);

        assertEquals(List.of("quoted.csv", "quoted.csv.rejects"), Folders.fileNames(archive()));
        List<JsonNode> records = records();
        assertEquals(List.of("1", "2", "3", "6"), records.stream().map(r -> r.get("TRANSACTION_ID").asText()).toList());
        assertEquals("comma, inside", records.get(0).get("NOTE").asText());
        assertEquals("an \"escaped\" quote", records.get(1).get("NOTE").asText());
        assertEquals("two\r\nlines", records.get(2).get("NOTE").asText());
        assertEquals(List.of(
                "line,reason,row",
                "6,TX_AMOUNT is not a number: 'four',\"4,40,four,bad amount\"",
                "7,3 fields where the header has 4,\"5,50,5.00\""),
                Files.readAllLines(archive().resolve("quoted.csv.rejects"), StandardCharsets.UTF_8));
    }

    @Test
    void valuesAConsumerCannotCastAreRejectedAndPandasFloatsAndPaddingBecomeOneValueForKeyAndRecord() throws Exception {
        String csv = "TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID,TX_FRAUD\n"
                + "1,2018-04-01 00:00:01,348.0,0.0\n"
                + "2,2018-04-01 00:00:0x,1,0\n"
                + "3,yesterday,1,0\n"
                + "4,,1,0\n"
                + "5,2018-02-30 25:61:61,1,0\n"
                + "6,2018-04-01 00:00:06,348.5,0\n"
                + "7,2018-04-01 00:00:07, 17 ,1\n";
        TransactionFiles.write(source(), "values.csv", csv);

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(archive()).size() == 2);

        List<String> keys = KINESIS.readAll(stream).stream().map(r -> r.partitionKey()).toList();
        assertEquals(List.of("348", "17"), keys, "partition keys as the records hold them");
        List<JsonNode> records = records();
        assertEquals("{\"TRANSACTION_ID\":1,\"TX_DATETIME\":\"2018-04-01 00:00:01\",\"CUSTOMER_ID\":348,"
                + "\"TX_FRAUD\":0}", records.get(0).toString());
        assertEquals(17, records.get(1).get("CUSTOMER_ID").asInt());
        assertEquals(List.of(
                "line,reason,row",
                "3,TX_DATETIME is not a date and time (yyyy-MM-dd HH:mm:ss): '2018-04-01 00:00:0x',"
                        + "\"2,2018-04-01 00:00:0x,1,0\"",
                "4,TX_DATETIME is not a date and time (yyyy-MM-dd HH:mm:ss): 'yesterday',\"3,yesterday,1,0\"",
                "5,TX_DATETIME is not a date and time (yyyy-MM-dd HH:mm:ss): '',\"4,,1,0\"",
                "6,TX_DATETIME is not a date and time (yyyy-MM-dd HH:mm:ss): '2018-02-30 25:61:61',"
                        + "\"5,2018-02-30 25:61:61,1,0\"",
                "7,CUSTOMER_ID is not a whole number: '348.5',\"6,2018-04-01 00:00:06,348.5,0\""),
                Files.readAllLines(archive().resolve("values.csv.rejects"), StandardCharsets.UTF_8));
    }

    @Test
    void rowCountsAroundTheGroupSizeArriveWholeWithoutEmptyRequests() throws Exception {
        int[] sizes = {1, 499, 500, 501, 1_000};
        long expected = 0;
        for (int i = 0; i < sizes.length; i++) {
            TransactionFiles.writeRows(source(), "rows-" + sizes[i] + ".csv", LocalDate.of(2026, 10, 1 + i), sizes[i]);
            expected += sizes[i];
        }
        TransactionFiles.write(source(), "empty.csv", "");
        TransactionFiles.write(source(), "header-only.csv", "TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(archive()).size() == 7);

        List<JsonNode> records = records();
        Set<Long> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.get("TRANSACTION_ID").asLong()));
        assertEquals(expected, records.size(), "records");
        assertEquals(expected, ids.size(), "each row once");
        assertEquals(1 + 1 + 1 + 2 + 2, client.putRecordsCalls(), "PutRecords calls: none for 0 rows, none empty");
        assertEquals(List.of(), Folders.fileNames(source()), "source folder");
    }

    @Test
    void aFileWithoutThePartitionKeyColumnFailsWithAOneLineReason() throws Exception {
        TransactionFiles.write(source(), "no-key.csv", "TRANSACTION_ID,TX_AMOUNT\n1,1.00\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(data.resolve("failed")).size() == 2);

        assertEquals(List.of("no-key.csv", "no-key.csv.report"), Folders.fileNames(data.resolve("failed")));
        String report = Files.readAllLines(data.resolve("failed").resolve("no-key.csv.report")).get(0);
        assertTrue(report.endsWith("no-key.csv has no column CUSTOMER_ID, the partition key column "
                + "(publish.partitionKeyColumn)"), report);
        assertEquals(0, client.putRecordsCalls());
    }

    @Test
    void aNameAlreadyInTheArchiveIsNeverOverwritten() throws Exception {
        Files.createDirectories(archive());
        Files.writeString(archive().resolve("day.csv"), "published before");
        TransactionFiles.writeRows(source(), "day.csv", LocalDate.of(2026, 10, 9), 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(archive()).size() == 2);

        assertEquals(List.of("day.1.csv", "day.csv"), Folders.fileNames(archive()));
        assertEquals("published before", Files.readString(archive().resolve("day.csv")));
        assertEquals(3, records().size());
    }

    @Test
    void hiddenTemporaryAndNonCsvFilesAreLeftAlone() throws Exception {
        Files.writeString(source().resolve(".hidden.csv"), "TRANSACTION_ID,CUSTOMER_ID\n1,1\n");
        Files.writeString(source().resolve("partial.csv.part"), "TRANSACTION_ID,CUSTOMER_ID\n1,1\n");
        Files.writeString(source().resolve("notes.txt"), "TRANSACTION_ID,CUSTOMER_ID\n1,1\n");
        TransactionFiles.writeRows(source(), "marker.csv", LocalDate.of(2026, 10, 10), 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(archive()).size() == 1);

        assertEquals(List.of("marker.csv"), Folders.fileNames(archive()));
        assertEquals(List.of("notes.txt", "partial.csv.part"), Folders.fileNames(source()));
        assertTrue(Files.exists(source().resolve(".hidden.csv")));
        assertEquals(2, records().size());
    }
}
