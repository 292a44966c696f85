package io.github.txsim.labels;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.github.txsim.publish.AcknowledgedRows;
import io.github.txsim.publish.FilePublishing;
import io.github.txsim.rows.EventTimes;
import io.github.txsim.rows.InvalidRowException;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.schema.TransactionColumn;
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
    private static final String TIME = TransactionColumn.TX_DATETIME.name();
    private static final String FRAUD = TransactionColumn.TX_FRAUD.name();
    private static final int DAY_LENGTH = "yyyy-MM-dd".length();

    private final RowLabels labels;
    private final PendingLabels store;
    private final Duration settleAfter;
    /** The labels drawn for rows in flight, by file and line. */
    private final Map<String, Map<Long, LabelEvent.FraudLabel>> drawn = new ConcurrentHashMap<>();
    private final Set<String> withoutLabels = ConcurrentHashMap.newKeySet();
    private LocalDateTime eventTime = LocalDateTime.MIN;
    /** The day of the last row acknowledged, as written ({@code yyyy-MM-dd}). */
    private String lastDay = "";
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
            if (row.get(FRAUD) == null) {
                withoutLabels.add(fileName);
                LOG.warn("{} has no {} column: its rows go out without label events", fileName, FRAUD);
                continue;
            }
            try {
                labels.of(row, fileName).ifPresent(label -> file.put(row.line(), label));
            } catch (InvalidRowException e) {
                // the row is rejected as it becomes a record, for this reason or another, and has no label
            }
        }
        SourceRow last = group.get(group.size() - 1);
        String lastTime = last.get(TIME);
        LocalDateTime madeAt = lastTime == null ? null : EventTimes.parse(lastTime.strip());
        cutTime = madeAt != null && madeAt.isAfter(cutTime) ? madeAt : cutTime;
        if (cutTime.isAfter(forgotAt.plusDays(1))) {
            // the rows come in time order: a fraud cut from now on opens a new case where a case was reported before
            labels.forgetReportedBefore(cutTime);
            forgotAt = cutTime;
        }
    }

    /**
     * Rows acknowledged: their labels and their days' settlement markers are kept, written before the file's
     * checkpoint passes the rows, as the checkpoint is.
     */
    @Override
    public synchronized void acknowledged(String fileName, List<SourceRow> rows) throws IOException {
        Map<Long, LabelEvent.FraudLabel> file = drawn.getOrDefault(fileName, Map.of());
        List<LabelEvent> events = new ArrayList<>();
        String latest = null;
        for (SourceRow row : rows) {
            LabelEvent.FraudLabel label = file.isEmpty() ? null : file.remove(row.line());
            if (label != null) {
                events.add(label);
            }
            // the time as written (yyyy-MM-dd HH:mm:ss, checked as the row became a record) orders as time does
            String time = row.get(TIME);
            if (time == null) {
                continue; // a file without TX_DATETIME: no event time, no settlement
            }
            if (time.isEmpty() || Character.isWhitespace(time.charAt(0))
                    || Character.isWhitespace(time.charAt(time.length() - 1))) {
                time = time.strip(); // spaces around the time: nearly never, and strip() showed in profiles
            }
            if (!time.regionMatches(0, lastDay, 0, DAY_LENGTH)) {
                lastDay = time.substring(0, DAY_LENGTH);
                LocalDate day = LocalDate.parse(lastDay);
                if (store.settle(day)) {
                    events.add(new LabelEvent.Settlement(day, day.plusDays(1).atStartOfDay().plus(settleAfter)));
                }
            }
            if (latest == null || time.compareTo(latest) > 0) {
                latest = time;
            }
        }
        if (!events.isEmpty()) {
            store.add(events);
        }
        LocalDateTime madeAt = latest == null ? null : EventTimes.parse(latest);
        if (madeAt != null && madeAt.isAfter(eventTime)) {
            eventTime = madeAt;
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
