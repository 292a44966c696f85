package io.github.txsim.labels;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LabelJsonTest {

    private final LabelJson json = new LabelJson();

    @Test
    void aFraudLabelHasEveryColumnInOrderItsTransactionsUnderTheirOwnNames() {
        LabelEvent.FraudLabel label = new LabelEvent.FraudLabel(273283207000000120L,
                LocalDateTime.of(2026, 11, 28, 0, 0, 7), 12, 345L, 3, LocalDateTime.of(2026, 12, 2, 14, 31, 9),
                RowLabels.CARDHOLDER_REPORT);

        assertEquals("{\"LABEL_TYPE\":\"FRAUD\",\"TRANSACTION_ID\":273283207000000120,\"TX_DATETIME\":\"2026-11-28 "
                + "00:00:07\",\"CUSTOMER_ID\":12,\"TERMINAL_ID\":345,\"TX_FRAUD\":1,\"TX_FRAUD_SCENARIO\":3,"
                + "\"LABEL_KNOWN_AT\":\"2026-12-02 14:31:09\",\"LABEL_SOURCE\":\"cardholder_report\","
                + "\"SETTLED_BEFORE\":null}", json.toJson(label));
        assertEquals("12", label.partitionKey());
    }

    @Test
    void aSettlementMarkerSaysWhichDayAndWhenWithNoTransaction() {
        LabelEvent.Settlement marker = new LabelEvent.Settlement(LocalDate.of(2026, 11, 28),
                LocalDateTime.of(2026, 12, 6, 0, 0));

        assertEquals("{\"LABEL_TYPE\":\"SETTLED\",\"TRANSACTION_ID\":null,\"TX_DATETIME\":null,\"CUSTOMER_ID\":null,"
                + "\"TERMINAL_ID\":null,\"TX_FRAUD\":0,\"TX_FRAUD_SCENARIO\":null,\"LABEL_KNOWN_AT\":\"2026-12-06 "
                + "00:00:00\",\"LABEL_SOURCE\":\"settlement\",\"SETTLED_BEFORE\":\"2026-11-29 00:00:00\"}",
                json.toJson(marker));
        assertEquals("settled-2026-11-28", marker.partitionKey());
    }
}
