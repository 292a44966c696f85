package io.github.txsim.labels;

import java.util.HashMap;
import java.util.Map;

/**
 * Card-level discovery: a cardholder who notices a fraud reports the card, and every fraud of the card up to the report
 * becomes known together. A card's first fraud opens its case, reported {@link ReportDelay} after that fraud; each
 * later fraud of the card made before the report joins the case and becomes known with it; a fraud made after the
 * report opens the card's next case. When a label becomes known thus depends only on the card's frauds and the seed,
 * provided each card's frauds come in time order (as the files of a day, and days in date order, give them).
 * <p>
 * Not thread-safe: one publishing flow owns it.
 */
final class CardCases {

    private final ReportDelay delay;
    /** Each card's open case: when it is reported, in epoch seconds. */
    private final Map<Long, Long> reports = new HashMap<>();

    /** @param open the cases open when the run starts: each card's report, in epoch seconds */
    CardCases(ReportDelay delay, Map<Long, Long> open) {
        this.delay = delay;
        reports.putAll(open);
    }

    /**
     * When a fraud becomes known, in epoch seconds: the report of the card's open case, or of the case it opens.
     *
     * @param madeAt when the fraud was made, in epoch seconds
     */
    long knownAt(long card, long transactionId, long madeAt) {
        return discover(card, transactionId, madeAt).knownAt();
    }

    /** {@link #knownAt}, and whether the fraud opens the case. */
    RowLabels.Discovery discover(long card, long transactionId, long madeAt) {
        Long open = reports.get(card);
        if (open != null && madeAt <= open) {
            return new RowLabels.Discovery(open, false);
        }
        long report = madeAt + delay.after(transactionId).toSeconds();
        reports.put(card, report);
        return new RowLabels.Discovery(report, true);
    }

    /**
     * Forgets the cases reported before {@code moment}: a fraud of such a card made after the moment would open a new
     * case anyway, so what is forgotten changes no label; it only keeps memory to the cases open.
     */
    void forgetReportedBefore(long moment) {
        reports.values().removeIf(report -> report < moment);
    }

    /** The cases open: reported after the last moment forgotten. */
    int open() {
        return reports.size();
    }
}
