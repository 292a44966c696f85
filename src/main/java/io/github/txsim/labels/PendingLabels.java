package io.github.txsim.labels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;


/**
 * The label events waiting for their time, kept on disk so that none is lost to kill -9, a restart or an outage: one
 * file of lines per hour of known time and beside it the ids of those acknowledged ({@link HourFiles}); an hour's
 * files are deleted once every event in them is acknowledged. Only the hours whose time has come are held in memory,
 * so the store's size on disk, not the heap, grows with the labels waiting.
 * <p>
 * A line is written again when its row is published again (a file resumed after a crash): an hour read back keeps the
 * first line of each id, and the counts of hours not read yet may count such a line twice until they are.
 */
public final class PendingLabels implements AutoCloseable {

    private static final Comparator<Pending> IN_TIME = Comparator.comparingLong(Pending::knownAt)
            .thenComparing(Pending::id);

    /** An event waiting: its id, when it becomes known (epoch seconds of event time), its key and its record. */
    public record Pending(String id, long knownAt, String partitionKey, String json) {

        LocalDateTime hour() {
            return LocalDateTime.ofEpochSecond(knownAt, 0, ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS);
        }

        String line() {
            return id + '\t' + knownAt + '\t' + partitionKey + '\t' + json;
        }

        static Pending parse(String line) {
            String[] parts = line.split("\t", 4);
            return new Pending(parts[0], Long.parseLong(parts[1]), parts[2], parts[3]);
        }
    }

    private final HourFiles files;
    private final LabelJson json = new LabelJson();
    /** Events not acknowledged, per hour. */
    private final TreeMap<LocalDateTime, Integer> waiting = new TreeMap<>();
    /** The hours read back, each its events not acknowledged in time order. */
    private final TreeMap<LocalDateTime, TreeSet<Pending>> loaded = new TreeMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private final Map<Long, Long> cardReports = new HashMap<>();
    private final Set<LocalDate> settledDays = new HashSet<>();

    private PendingLabels(HourFiles files) {
        this.files = files;
    }

    /** The store in this folder, created when missing, its hours counted. */
    public static PendingLabels open(Path folder) throws IOException {
        PendingLabels store = new PendingLabels(new HourFiles(folder));
        for (LocalDateTime hour : store.files.hours()) {
            Set<String> sent = store.files.sent(hour);
            int count = 0;
            for (String line : store.files.events(hour)) {
                Pending pending = Pending.parse(line);
                if (!sent.contains(pending.id())) {
                    count++;
                    if (!pending.id().startsWith(LabelEvent.Settlement.ID_PREFIX)) {
                        store.cardReports.merge(Long.parseLong(pending.partitionKey()), pending.knownAt(), Math::max);
                    }
                }
            }
            if (count > 0) {
                store.waiting.put(hour, count);
            }
        }
        store.settledDays.addAll(store.files.settledDays());
        return store;
    }

    /**
     * The latest known time of each card's fraud labels waiting, in epoch seconds, as read at open: the cases still
     * open, so that a restart draws the labels an uninterrupted run would.
     */
    public Map<Long, Long> cardReports() {
        return Map.copyOf(cardReports);
    }

    /**
     * Notes that the day has its settlement marker, on disk: answers false when it had one already, so that each day
     * gets one, across restarts too.
     */
    public synchronized boolean settle(LocalDate day) throws IOException {
        if (!settledDays.add(day)) {
            return false;
        }
        files.settle(day);
        return true;
    }

    /**
     * Keeps the events until their time: written, they survive the process (kill -9), as the file's checkpoint written
     * after them does (neither is forced to disk against a power loss).
     */
    public synchronized void add(List<? extends LabelEvent> events) throws IOException {
        Map<LocalDateTime, List<byte[]>> lines = new TreeMap<>();
        for (LabelEvent event : events) {
            Pending pending = new Pending(event.id(), event.knownAt().toEpochSecond(ZoneOffset.UTC),
                    event.partitionKey(), json.toJson(event));
            TreeSet<Pending> hour = loaded.get(pending.hour());
            if (hour != null && hour.stream().anyMatch(p -> p.id().equals(pending.id()))) {
                continue; // its row published again, and the label still waiting
            }
            if (hour != null) {
                hour.add(pending);
            }
            waiting.merge(pending.hour(), 1, Integer::sum);
            lines.computeIfAbsent(pending.hour(), h -> new ArrayList<>())
                    .add(pending.line().getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<LocalDateTime, List<byte[]>> hour : lines.entrySet()) {
            files.appendEvents(hour.getKey(), hour.getValue());
        }
    }

    /**
     * Up to {@code max} events known by {@code clock}, in time order, that are not being sent already; they stay
     * here until {@link #sent} or {@link #notSent}.
     */
    public synchronized List<Pending> due(LocalDateTime clock, int max) throws IOException {
        for (LocalDateTime hour : waiting.headMap(clock, true).keySet()) {
            if (!loaded.containsKey(hour)) {
                loaded.put(hour, read(hour));
            }
        }
        long now = clock.toEpochSecond(ZoneOffset.UTC);
        List<Pending> due = new ArrayList<>();
        for (TreeSet<Pending> hour : loaded.values()) {
            for (Pending pending : hour) {
                if (pending.knownAt() > now || due.size() == max) {
                    return due;
                }
                if (inFlight.add(pending.id())) {
                    due.add(pending);
                }
            }
        }
        return due;
    }

    /** The events were acknowledged: noted on disk, and an hour whose events are all acknowledged is deleted. */
    public synchronized void sent(List<Pending> events) throws IOException {
        Map<LocalDateTime, List<Pending>> byHour = new TreeMap<>();
        for (Pending pending : events) {
            byHour.computeIfAbsent(pending.hour(), h -> new ArrayList<>()).add(pending);
        }
        for (Map.Entry<LocalDateTime, List<Pending>> hour : byHour.entrySet()) {
            TreeSet<Pending> waitingThen = loaded.get(hour.getKey());
            if (waitingThen != null && hour.getValue().stream().filter(waitingThen::contains).count()
                    == waitingThen.size()) {
                continue; // the hour's last events: its files are deleted below instead (in a backfill, most hours)
            }
            files.appendSent(hour.getKey(), hour.getValue().stream().map(pending -> pending.id().getBytes(
                    StandardCharsets.UTF_8)).toList());
        }
        for (Pending pending : events) {
            inFlight.remove(pending.id());
            TreeSet<Pending> hour = loaded.get(pending.hour());
            if (hour != null && hour.remove(pending)) {
                waiting.merge(pending.hour(), -1, Integer::sum);
            }
            if (hour != null && hour.isEmpty()) {
                delete(pending.hour());
            }
        }
    }

    /** The events were not sent after all: they go again. */
    public synchronized void notSent(List<Pending> events) {
        events.forEach(pending -> inFlight.remove(pending.id()));
    }

    /** The events waiting. */
    public synchronized long waiting() {
        return waiting.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The ids of the events waiting, read from disk: for verification. */
    public synchronized Set<String> waitingIds() throws IOException {
        Set<String> ids = new HashSet<>();
        for (LocalDateTime hour : waiting.keySet()) {
            Set<String> sent = files.sent(hour);
            for (String line : files.events(hour)) {
                String id = line.substring(0, line.indexOf('\t'));
                if (!sent.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** When the next event waiting becomes known, if any waits (its hour is read from disk for this). */
    public synchronized Optional<LocalDateTime> nextDue() throws IOException {
        while (!waiting.isEmpty()) {
            LocalDateTime hour = waiting.firstKey();
            if (!loaded.containsKey(hour)) {
                loaded.put(hour, read(hour));
            }
            TreeSet<Pending> events = loaded.get(hour);
            if (events != null && !events.isEmpty()) {
                return Optional.of(LocalDateTime.ofEpochSecond(events.first().knownAt(), 0, ZoneOffset.UTC));
            }
            waiting.remove(hour);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() throws IOException {
        files.close();
    }

    private TreeSet<Pending> read(LocalDateTime hour) throws IOException {
        Set<String> sent = files.sent(hour);
        Map<String, Pending> first = new LinkedHashMap<>();
        for (String line : files.events(hour)) {
            Pending pending = Pending.parse(line);
            if (!sent.contains(pending.id())) {
                first.putIfAbsent(pending.id(), pending);
            }
        }
        TreeSet<Pending> events = new TreeSet<>(IN_TIME);
        events.addAll(first.values());
        if (events.isEmpty()) {
            delete(hour);
        } else {
            waiting.put(hour, events.size());
        }
        return events;
    }

    private void delete(LocalDateTime hour) throws IOException {
        loaded.remove(hour);
        waiting.remove(hour);
        files.delete(hour);
    }
}
