package io.github.txsim.app;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.txsim.schema.TransactionColumn;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite.ReceivedRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole pipeline against a real emulator: the timer generates today's file, the publish route sends every row
 * to a two-shard stream and archives the file; the test reads the stream back and compares it with the file.
 */
class PublishPipelineIT extends ApplicationIT {

    @Override
    int shards() {
        return 2;
    }

    @Test
    void everyRowOfTheDailyFileArrivesOnceAsTypedJsonAndTheFileIsArchived() throws Exception {
        Path archive = data.resolve("archive");
        await().atMost(Duration.ofSeconds(60)).until(() -> Folders.fileNames(archive).size() == 1);
        assertEquals(List.of(), Folders.fileNames(data.resolve("source")), "source folder after publishing");
        assertEquals(List.of(), Folders.fileNames(data.resolve("failed")), "failed folder");

        List<CSVRecord> rows = readCsv(archive.resolve(Folders.fileNames(archive).get(0)));
        List<ReceivedRecord> records = KINESIS.readAll(stream);
        assertTrue(rows.size() > 1_000, "a day of 1,000 customers has more than two groups of rows: " + rows.size());
        assertEquals(rows.size(), records.size(), "records in the stream");

        ObjectMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
        Map<Long, ReceivedRecord> byId = new HashMap<>();
        Set<String> shards = new HashSet<>();
        for (ReceivedRecord record : records) {
            long id = json.readTree(record.data()).get("TRANSACTION_ID").asLong();
            assertEquals(null, byId.put(id, record), "TRANSACTION_ID " + id + " arrived twice");
            shards.add(record.shardId());
        }
        assertEquals(2, shards.size(), "customer ids as partition keys spread the records over both shards");
        for (CSVRecord row : rows) {
            ReceivedRecord record = byId.get(Long.parseLong(row.get("TRANSACTION_ID")));
            assertTrue(record != null, "row " + row.getRecordNumber() + " did not arrive");
            assertEquals(row.get("CUSTOMER_ID"), record.partitionKey(), "partition key");
            assertRecordMatchesRow(json.readTree(record.data()), row);
        }
    }

    private static void assertRecordMatchesRow(JsonNode record, CSVRecord row) {
        assertEquals(TransactionColumn.names(), iterableToList(record.fieldNames()), "keys, in column order");
        for (String column : List.of("TRANSACTION_ID", "CUSTOMER_ID", "TERMINAL_ID", "TX_TIME_SECONDS",
                "TX_TIME_DAYS", "TX_FRAUD", "TX_FRAUD_SCENARIO")) {
            JsonNode value = record.get(column);
            assertTrue(value.isIntegralNumber(), column + " is a JSON integer: " + value);
            assertEquals(Long.parseLong(row.get(column)), value.asLong(), column);
        }
        JsonNode amount = record.get("TX_AMOUNT");
        assertTrue(amount.isNumber(), "TX_AMOUNT is a JSON number: " + amount);
        assertEquals(new BigDecimal(row.get("TX_AMOUNT")), amount.decimalValue(), "TX_AMOUNT, with two decimals");
        assertEquals(2, amount.decimalValue().scale(), "TX_AMOUNT decimals");
        assertTrue(record.get("TX_DATETIME").isTextual(), "TX_DATETIME is a string");
        assertEquals(row.get("TX_DATETIME"), record.get("TX_DATETIME").asText());
    }

    private static List<String> iterableToList(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    static List<CSVRecord> readCsv(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
