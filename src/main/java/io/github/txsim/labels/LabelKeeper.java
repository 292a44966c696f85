package io.github.txsim.labels;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.github.txsim.publish.AcknowledgedRows;
import io.github.txsim.publish.FilePublishing;
import io.github.txsim.rows.InvalidRowException;
import io.github.txsim.rows.SourceRow;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the rows published into the label events they give, and keeps those until their time
 * ({@link PendingLabels}): a fraud row's label is drawn as its group is cut, where the rows still come in file order
 * ({@link RowLabels}, whose card cases need them so), and kept once the row's record is acknowledged, before the file's
 * checkpoint passes it; each day a row of which is acknowledged gets its settlement marker, once. The event time the
 * acknowledged rows have reached is the label stream's clock in {@code max} pacing ({@link #eventTime}).
 */
public final class LabelKeeper implements BiConsumer<Exchange, List<SourceRow>>, AcknowledgedRows {

    private static final Logger LOG = LoggerFactory.getLogger(LabelKeeper.class);

    private final RowLabels labels;
    private final PendingLabels store;
    private final Duration settleAfter;
    /** The labels drawn for rows in flight, by file and line. */
    private final Map<String, Map<Long, LabelEvent.FraudLabel>> drawn = new ConcurrentHashMap<>();
    private final Set<String> withoutLabels = ConcurrentHashMap.newKeySet();
    private LocalDateTime eventTime = LocalDateTime.MIN;
    /** The latest row time cut, and when the card cases reported before it were last forgotten (splitting thread). */
    private LocalDateTime cutTime = LocalDateTime.MIN;
    private LocalDateTime forgotAt = LocalDateTime.MIN;

    public LabelKeeper(RowLabels labels, PendingLabels store, Duration settleAfter) {
        this.labels = labels;
        this.store = store;
        this.settleAfter = settleAfter;
    }

    /**
     * A group of a file's rows was cut: the labels of its fraud rows are drawn. Rows an earlier run did are not: their
     * labels were kept then, and the cases they opened are read back from the labels waiting.
     */
    @Override
    public void accept(Exchange exchange, List<SourceRow> group) {
        FilePublishing publishing = exchange.getProperty(FilePublishing.PROPERTY, FilePublishing.class);
        String fileName = publishing.fileName();
        long resumedAfter = publishing.file().resumedAfter();
        // one file at a time: what was drawn for another file's rows not acknowledged (a file failed) goes
        drawn.keySet().removeIf(name -> !name.equals(fileName));
        Map<Long, LabelEvent.FraudLabel> file = drawn.computeIfAbsent(fileName, name -> new ConcurrentHashMap<>());
        for (SourceRow row : group) {
            if (row.problem() != null || row.number() <= resumedAfter || withoutLabels.contains(fileName)) {
                continue;
            }
            if (row.get(RowLabels.NEEDED.get(RowLabels.NEEDED.size() - 1).name()) == null) {
                withoutLabels.add(fileName);
                LOG.warn("{} has no {} column: its rows go out without label events", fileName,
                        RowLabels.NEEDED.get(RowLabels.NEEDED.size() - 1));
                continue;
            }
            try {
                labels.of(row, fileName).ifPresent(label -> file.put(row.line(), label));
                LocalDateTime madeAt = RowLabels.madeAt(row, fileName);
                cutTime = madeAt.isAfter(cutTime) ? madeAt : cutTime;
            } catch (InvalidRowException e) {
                // the row is rejected as it becomes a record, for this reason or another, and has no label
            }
        }
        if (cutTime.isAfter(forgotAt.plusHours(1))) {
            // the rows come in time order: a fraud cut from now on opens a new case where a case was reported before
            labels.forgetReportedBefore(cutTime);
            forgotAt = cutTime;
        }
    }

    /** Rows acknowledged: their labels and their days' settlement markers are kept, and made durable. */
    @Override
    public synchronized void acknowledged(String fileName, List<SourceRow> rows) throws IOException {
        Map<Long, LabelEvent.FraudLabel> file = drawn.getOrDefault(fileName, Map.of());
        List<LabelEvent> events = new ArrayList<>();
        for (SourceRow row : rows) {
            LabelEvent.FraudLabel label = file.remove(row.line());
            if (label != null) {
                events.add(label);
            }
            LocalDateTime madeAt = madeAt(row, fileName);
            if (madeAt != null) {
                if (madeAt.isAfter(eventTime)) {
                    eventTime = madeAt;
                }
                if (store.settle(madeAt.toLocalDate())) {
                    events.add(new LabelEvent.Settlement(madeAt.toLocalDate(),
                            madeAt.toLocalDate().plusDays(1).atStartOfDay().plus(settleAfter)));
                }
            }
        }
        store.add(events);
        store.force();
    }

    private static LocalDateTime madeAt(SourceRow row, String fileName) {
        try {
            return RowLabels.madeAt(row, fileName);
        } catch (InvalidRowException e) {
            return null; // a file without TX_DATETIME: no event time, no settlement
        }
    }

    /** The latest transaction time acknowledged: label events known by then may go out. */
    public synchronized LocalDateTime eventTime() {
        return eventTime;
    }

    public PendingLabels store() {
        return store;
    }
}
