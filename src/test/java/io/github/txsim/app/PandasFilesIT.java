package io.github.txsim.app;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.txsim.simulator.DayOfTransactions;
import io.github.txsim.simulator.Transaction;
import io.github.txsim.schema.TransactionColumn;
import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.PandasCsv;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files from the handbook's and the tutorial's Python code, written by pandas (see {@link PandasCsv}): with the
 * frame's unnamed index column or without it, amounts with floating-point noise, a handbook-sized day. Every row
 * arrives once, its amount equal to the cent, as a record of exactly the nine columns.
 */
class PandasFilesIT extends ApplicationIT {

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false");
    }

    @Test
    void theTutorialsFilesWithPandasIndexColumnPublishEveryRowToTheCent() throws Exception {
        publishesWhole("tutorial.csv", true);
    }

    @Test
    void theHandbooksFilesWithoutTheIndexColumnPublishEveryRowToTheCent() throws Exception {
        publishesWhole("handbook.csv", false);
    }

    private void publishesWhole(String name, boolean index) throws Exception {
        DayOfTransactions day = PandasCsv.handbookDay(LocalDate.of(2018, 6, 1));
        String csv = PandasCsv.of(day, index);
        long noisy = csv.lines().filter(line -> line.matches(".*,\\d+\\.\\d{3,},.*")).count();
        assertTrue(noisy > 0, "the file has amounts with floating-point noise");

        TransactionFiles.write(data.resolve("source"), name, csv);
        Delivery.awaitArchived(data, Duration.ofSeconds(60));

        assertEquals(List.of(name), Folders.fileNames(data.resolve("archive")), "archived, no row rejected");
        Map<Long, List<JsonNode>> arrived = new HashMap<>();
        for (String record : received()) {
            JsonNode node = json.readTree(record);
            arrived.computeIfAbsent(node.get("TRANSACTION_ID").asLong(), id -> new ArrayList<>()).add(node);
        }
        assertEquals(day.transactions().size(), arrived.size(), "records");
        for (Transaction t : day.transactions()) {
            List<JsonNode> copies = arrived.get(t.transactionId());
            assertEquals(1, copies.size(), "transaction " + t.transactionId() + " arrived once");
            JsonNode record = copies.get(0);
            List<String> fields = new ArrayList<>();
            record.fieldNames().forEachRemaining(fields::add);
            assertEquals(TransactionColumn.names(), fields, "exactly the nine columns");
            assertEquals(BigDecimal.valueOf(t.amountCents(), 2), record.get("TX_AMOUNT").decimalValue(),
                    "the amount of " + t.transactionId() + " to the cent");
        }
        System.out.printf("%s: %,d rows, %,d with floating-point noise in the amount, all published to the cent%n",
                name, day.transactions().size(), noisy);
    }
}
