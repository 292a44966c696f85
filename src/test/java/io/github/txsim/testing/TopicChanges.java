package io.github.txsim.testing;

import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a topic deleted (and created again) under a running application must leave: no row in neither topic. */
public final class TopicChanges {

    private TopicChanges() {
    }

    /**
     * Every row of the file is in the topic as it was read before its deletion, or in the topic created since; the
     * rows in both (acknowledged by the old topic, not yet confirmed, sent again) and the rows twice in the new one
     * (acknowledged by it while it could have been the old one) each stay within {@code bound}.
     */
    public static void assertEveryRowInOneOrTheOther(List<CSVRecord> rows, Map<Long, Integer> old,
            Map<Long, Integer> created, int bound) {
        long missing = rows.stream().map(row -> Long.parseLong(row.get("TRANSACTION_ID")))
                .filter(id -> !old.containsKey(id) && !created.containsKey(id)).count();
        assertEquals(0, missing, "rows in neither the old topic (" + old.size() + " ids) nor the new one ("
                + created.size() + " ids)");
        long both = old.keySet().stream().filter(created::containsKey).count();
        assertTrue(both <= bound, "rows sent again to the new topic, at most the groups in flight: " + both);
        assertTrue(Delivery.duplicated(created) <= bound, "rows twice in the new topic, at most the groups in flight: "
                + Delivery.duplicated(created));
    }
}
