package io.github.txsim.labels;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PendingLabelsTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 0, 0);

    @TempDir
    Path folder;

    private static LabelEvent.FraudLabel fraud(long id, LocalDateTime knownAt) {
        return new LabelEvent.FraudLabel(id, MONDAY.minusDays(3), 40 + id, 7L, 2, knownAt, RowLabels.CARDHOLDER_REPORT);
    }

    private static List<String> ids(List<PendingLabels.Pending> pending) {
        return pending.stream().map(PendingLabels.Pending::id).toList();
    }

    @Test
    void eventsComeOutInTimeOrderOnceTheirTimeHasComeAndNotBefore() throws Exception {
        try (PendingLabels store = PendingLabels.open(folder)) {
            store.add(List.of(fraud(3, MONDAY.plusHours(5)), fraud(1, MONDAY.plusHours(1).plusMinutes(30)),
                    fraud(2, MONDAY.plusHours(1).plusMinutes(10)),
                    new LabelEvent.Settlement(LocalDate.of(2026, 11, 30), MONDAY.plusHours(2))));

            assertEquals(List.of(), store.due(MONDAY.plusHours(1), 100));
            assertEquals(List.of("2", "1", "settled:2026-11-30"), ids(store.due(MONDAY.plusHours(3), 100)));
            assertEquals(4, store.waiting());
            assertEquals(List.of(), store.due(MONDAY.plusHours(3), 100), "in flight: not handed out twice");
        }
    }

    @Test
    void whatWasNotAcknowledgedSurvivesARestartAndWhatWasNeverComesAgain() throws Exception {
        try (PendingLabels store = PendingLabels.open(folder)) {
            store.add(List.of(fraud(1, MONDAY.plusMinutes(1)), fraud(2, MONDAY.plusMinutes(2)),
                    fraud(3, MONDAY.plusMinutes(3))));
            List<PendingLabels.Pending> due = store.due(MONDAY.plusHours(1), 2);
            store.sent(due.subList(0, 1));
            store.notSent(due.subList(1, 2));
            assertEquals(List.of("2", "3"), ids(store.due(MONDAY.plusHours(1), 10)), "one not sent goes again");
        }
        try (PendingLabels store = PendingLabels.open(folder)) {
            assertEquals(2, store.waiting());
            List<PendingLabels.Pending> due = store.due(MONDAY.plusHours(1), 10);
            assertEquals(List.of("2", "3"), ids(due));
            store.sent(due);
            assertEquals(0, store.waiting());
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertEquals(List.of(), left.toList(), "an hour all sent is deleted");
        }
    }

    @Test
    void aLineCutShortByAKillIsDroppedAndTheNextOnesFollowWholeLines() throws Exception {
        try (PendingLabels store = PendingLabels.open(folder)) {
            store.add(List.of(fraud(1, MONDAY.plusMinutes(1))));
        }
        Path hour = folder.resolve("2026-12-07T00.labels");
        Files.writeString(hour, "2\t17650", StandardOpenOption.APPEND);
        try (PendingLabels store = PendingLabels.open(folder)) {
            store.add(List.of(fraud(3, MONDAY.plusMinutes(3))));
            assertEquals(List.of("1", "3"), ids(store.due(MONDAY.plusHours(1), 10)));
        }
        assertTrue(Files.readString(hour).endsWith("\n"));
    }

    @Test
    void anEventWrittenAgainByARowPublishedAgainComesOutOnce() throws Exception {
        try (PendingLabels store = PendingLabels.open(folder)) {
            store.add(List.of(fraud(1, MONDAY.plusDays(2)), fraud(2, MONDAY.plusDays(2))));
            store.add(List.of(fraud(1, MONDAY.plusDays(2))));

            assertEquals(MONDAY.plusDays(2), store.nextDue().orElseThrow());
            assertEquals(List.of("1", "2"), ids(store.due(MONDAY.plusDays(3), 10)));
            assertEquals(2, store.waiting(), "exact once the hour is read");
        }
    }

    @Test
    void aReopenedStoreKnowsTheCasesStillOpenAndTheDaysSettled() throws Exception {
        try (PendingLabels store = PendingLabels.open(folder)) {
            store.add(List.of(fraud(1, MONDAY.plusDays(1)), fraud(2, MONDAY.plusDays(4)), fraud(3, MONDAY.plusDays(2))));
            assertTrue(store.settle(LocalDate.of(2026, 12, 1)));
            assertFalse(store.settle(LocalDate.of(2026, 12, 1)));
            store.sent(store.due(MONDAY.plusDays(1), 10));
        }
        try (PendingLabels store = PendingLabels.open(folder)) {
            assertEquals(Map.of(42L, MONDAY.plusDays(4).toEpochSecond(ZoneOffset.UTC),
                    43L, MONDAY.plusDays(2).toEpochSecond(ZoneOffset.UTC)), store.cardReports(),
                    "the customers' cases still waiting; customer 41's label went");
            assertFalse(store.settle(LocalDate.of(2026, 12, 1)), "one marker a day, across restarts");
        }
    }
}
