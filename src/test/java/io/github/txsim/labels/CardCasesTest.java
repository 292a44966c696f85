package io.github.txsim.labels;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardCasesTest {

    private static final long DAY = Duration.ofDays(1).toSeconds();
    private static final ReportDelay THREE_DAYS = new ReportDelay.Fixed(Duration.ofDays(3));

    @Test
    void aCardsFraudsUpToItsReportBecomeKnownTogetherAndALaterOneOpensTheNextCase() {
        CardCases cases = new CardCases(THREE_DAYS, Map.of());

        long first = cases.knownAt(7, 1, 10 * DAY);
        assertEquals(13 * DAY, first);
        assertEquals(first, cases.knownAt(7, 2, 11 * DAY), "made before the report: known with the first");
        assertEquals(first, cases.knownAt(7, 3, 13 * DAY), "made at the report itself");
        assertEquals(14 * DAY + 1 + 3 * DAY, cases.knownAt(7, 4, 14 * DAY + 1), "after the report: a case of its own");
        assertEquals(12 * DAY + 3 * DAY, cases.knownAt(8, 5, 12 * DAY), "another card, another case");
    }

    /** A fraud of the corpus: card, id and when it was made. */
    private record Fraud(long card, long id, long madeAt) {
    }

    private static List<Fraud> corpus(long seed) {
        Random random = new Random(seed);
        List<Fraud> frauds = new ArrayList<>();
        for (long id = 0; id < 20_000; id++) {
            frauds.add(new Fraud(random.nextInt(500), id, random.nextInt(60) * DAY + random.nextInt((int) DAY)));
        }
        frauds.sort(Comparator.comparingLong(Fraud::madeAt));
        return frauds;
    }

    private static final ReportDelay DELAY = new ReportDelay.LongTailed(3, Duration.ofDays(5), 1, Duration.ofDays(120));

    private static Map<Long, Long> labels(List<Fraud> frauds, boolean forgetting) {
        CardCases cases = new CardCases(DELAY, Map.of());
        Map<Long, Long> known = new HashMap<>();
        long forgotUpTo = 0;
        for (Fraud fraud : frauds) {
            known.put(fraud.id(), cases.knownAt(fraud.card(), fraud.id(), fraud.madeAt()));
            if (forgetting && fraud.madeAt() - forgotUpTo > DAY) {
                cases.forgetReportedBefore(fraud.madeAt());
                forgotUpTo = fraud.madeAt();
            }
        }
        return known;
    }

    @Test
    void theLabelsDependOnEachCardsFraudsAloneNotOnWhatIsForgottenOrHowCardsInterleave() {
        for (long seed = 1; seed <= 5; seed++) {
            List<Fraud> frauds = corpus(seed);
            Map<Long, Long> expected = labels(frauds, false);

            assertEquals(expected, labels(frauds, true), "forgetting the cases reported");
            // another partitioning of the cards: the even cards' frauds first, each card's still in time order
            List<Fraud> regrouped = new ArrayList<>(frauds.stream().filter(f -> f.card() % 2 == 0).toList());
            regrouped.addAll(frauds.stream().filter(f -> f.card() % 2 == 1).toList());
            assertEquals(expected, labels(regrouped, false), "cards interleaved otherwise");
            for (Fraud fraud : frauds) {
                assertTrue(expected.get(fraud.id()) >= fraud.madeAt(), "never known before it is made");
            }
        }
    }

    @Test
    void aRestartSeededWithTheCasesOfTheLabelsStillWaitingDrawsWhatAnUninterruptedRunWould() {
        List<Fraud> frauds = corpus(11);
        Map<Long, Long> expected = labels(frauds, false);
        int half = frauds.size() / 2;
        long stoppedAt = frauds.get(half - 1).madeAt();

        CardCases before = new CardCases(DELAY, Map.of());
        Map<Long, Long> known = new HashMap<>();
        Map<Long, Long> waiting = new HashMap<>();
        for (Fraud fraud : frauds.subList(0, half)) {
            known.put(fraud.id(), before.knownAt(fraud.card(), fraud.id(), fraud.madeAt()));
        }
        for (Fraud fraud : frauds.subList(0, half)) {
            if (known.get(fraud.id()) > stoppedAt) { // not sent yet: in the store at the restart
                waiting.merge(fraud.card(), known.get(fraud.id()), Math::max);
            }
        }
        CardCases after = new CardCases(DELAY, waiting);
        for (Fraud fraud : frauds.subList(half, frauds.size())) {
            known.put(fraud.id(), after.knownAt(fraud.card(), fraud.id(), fraud.madeAt()));
        }

        assertEquals(expected, known);
    }
}
