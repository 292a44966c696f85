package io.github.txsim.verification;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.labels.LabelEvent;
import io.github.txsim.labels.LabelJson;
import io.github.txsim.publish.RecordSource;
import io.github.txsim.schema.LabelColumn;
import io.github.txsim.schema.TransactionColumn;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reconciles the label stream with the files a run archived: each fraud row's label once, sent or waiting its time;
 * none for a genuine row; a settlement marker for each day of the files, sent or waiting.
 */
public final class LabelCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param frauds     the files' fraud rows
     * @param sent       of those, the labels found on the stream
     * @param waiting    of those, the labels waiting their time
     * @param missing    fraud rows whose label is neither on the stream nor waiting
     * @param duplicated labels found more than once on the stream
     * @param genuine    genuine rows of the files that have a label on the stream
     * @param days       the files' days; {@code daysMissing} of them have no settlement marker, sent or waiting
     */
    public record Result(String destination, int files, long frauds, long sent, long waiting, long missing,
            long duplicated, long genuine, long days, long daysMissing) {

        public boolean failed() {
            return missing > 0 || genuine > 0 || daysMissing > 0;
        }

        public String summary() {
            return String.format("Verified the labels of %,d file(s): %,d fraud labels (%,d in %s, %,d waiting), "
                    + "%,d missing, %,d duplicated, %,d for a genuine row; settlement markers for %,d of %,d days",
                    files, frauds, sent, destination, waiting, missing, duplicated, genuine, days - daysMissing, days);
        }
    }

    private LabelCheck() {
    }

    private static String settlement(LocalDate day) {
        return new LabelEvent.Settlement(day, null).id();
    }

    /**
     * @param since   the first arrival time to read, or null for the oldest record
     * @param waiting the ids of the events waiting their time ({@link LabelEvent#id})
     */
    public static Result verify(List<Path> files, RecordSource labels, Instant since, Set<String> waiting)
            throws IOException, InterruptedException {
        Set<String> frauds = new HashSet<>();
        Set<String> genuine = new HashSet<>();
        Set<String> days = new HashSet<>();
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file); CSVParser parser = FileCheck.parser(reader, file)) {
                boolean labelled = parser.getHeaderMap().containsKey(TransactionColumn.TX_FRAUD.name());
                for (CSVRecord row : parser) {
                    String id = row.get(TransactionColumn.TRANSACTION_ID.name()).strip();
                    if (labelled) {
                        (row.get(TransactionColumn.TX_FRAUD.name()).strip().equals("1") ? frauds : genuine).add(id);
                    }
                    if (row.isMapped(TransactionColumn.TX_DATETIME.name())) {
                        days.add(settlement(LocalDate.parse(row.get(TransactionColumn.TX_DATETIME.name()).strip()
                                .substring(0, 10))));
                    }
                }
            }
        }
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        labels.read(since, data -> {
            try {
                JsonNode event = JSON.readTree(data);
                String id = event.path(LabelColumn.LABEL_TYPE.name()).asText().equals(LabelJson.SETTLED)
                        ? settlement(LocalDate.parse(event.path(LabelColumn.SETTLED_BEFORE.name()).asText()
                                .substring(0, 10)).minusDays(1))
                        : event.path(LabelColumn.TRANSACTION_ID.name()).asText();
                seen.merge(id, 1, Integer::sum);
            } catch (IOException e) {
                // not a label event: not counted
            }
        });
        long sent = frauds.stream().filter(seen::containsKey).count();
        long waitingFrauds = frauds.stream().filter(id -> !seen.containsKey(id) && waiting.contains(id)).count();
        long duplicated = frauds.stream().filter(id -> seen.getOrDefault(id, 0) > 1).count();
        long genuineLabelled = genuine.stream().filter(seen::containsKey).count();
        long daysMissing = days.stream().filter(day -> !seen.containsKey(day) && !waiting.contains(day)).count();
        return new Result(labels.destination(), files.size(), frauds.size(), sent, waitingFrauds,
                frauds.size() - sent - waitingFrauds, duplicated, genuineLabelled, days.size(), daysMissing);
    }
}
