package io.github.txsim.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract every file that enters the source folder is held to, checked from outside the application: each of
 * its rows ends either acknowledged by the stream exactly once, or rejected with the line it starts on in the file's
 * {@code .rejects}, or at or after the line from which the file's {@code .report} says nothing was published; and a
 * file is archived only when no such line exists.
 * <p>
 * The rows are found by a reading of the file of the test's own, with Commons CSV as documented: lines counted as CR,
 * LF or CR LF; bytes that are not UTF-8 read as U+FFFD; a quoted value followed by other text makes one row of the
 * rest of its line; a quote that never closes ends what can be read. A row's values, numbers normalised, identify it
 * in the stream.
 */
public final class LineAccounting {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();
    private static final Pattern NOT_PUBLISHED = Pattern.compile("^# Not published: line ([0-9,]+) and every line",
            Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private LineAccounting() {
    }

    /** A row of the file: the line it starts on and its values, normalised; null values for a row that is broken. */
    public record Row(long line, String values) {
    }

    /** The file as read here: its rows, and the line from which it cannot be read (0 when it can be read whole). */
    public record Reading(List<Row> rows, long unreadableFrom) {
    }

    /** What the application made of a file: archived or failed, its rejects, where its report says publishing stopped. */
    public record Outcome(String name, boolean archived, Map<Long, String> rejects, long notPublishedFrom,
            int published) {
    }

    /**
     * Waits until the file is archived or failed; its rejects and report are written before it moves, so they are
     * there too.
     */
    public static void awaitDone(Path data, String name, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(10)).until(() ->
                Files.exists(data.resolve("archive").resolve(name))
                        || Files.exists(data.resolve("failed").resolve(name)));
    }

    /**
     * Asserts the contract for one file, whose folders are {@code data/archive} and {@code data/failed}.
     *
     * @param records the records (JSON) that reached the stream from this file
     */
    public static Outcome assertAccounted(String name, byte[] file, List<String> records, Path data)
            throws IOException {
        Path archived = data.resolve("archive").resolve(name);
        Path failed = data.resolve("failed").resolve(name);
        boolean isArchived = Files.exists(archived);
        assertTrue(isArchived != Files.exists(failed), name + ": archived or failed, not both nor neither");
        return assertAccounted(isArchived ? archived : failed, isArchived, file, records, false);
    }

    /**
     * Asserts the contract for a file where the application left it, in the archive or the failed folder, with its
     * {@code .rejects} and {@code .report} beside it.
     *
     * @param file               the file's bytes, as written (which may differ from what lies there now)
     * @param records            the records (JSON) that reached the stream from this file
     * @param duplicatesAllowed  whether a row may have arrived more than once (after a crash, say); otherwise each
     *                           row acknowledged arrived exactly once
     */
    public static Outcome assertAccounted(Path where, boolean isArchived, byte[] file, List<String> records,
            boolean duplicatesAllowed) throws IOException {
        String name = where.getFileName().toString();
        Map<Long, String> rejects = rejects(Path.of(where + ".rejects"));
        Reading reading = read(file);
        long stop = Long.MAX_VALUE;
        if (isArchived) {
            assertEquals(0, reading.unreadableFrom(), name + " was archived, but from line " + reading.unreadableFrom()
                    + " on it cannot be read");
        } else {
            String report = Files.readString(Path.of(where + ".report"), StandardCharsets.UTF_8);
            Matcher line = NOT_PUBLISHED.matcher(report);
            assertTrue(line.find(), name + ": the report says from which line nothing was published:\n" + report);
            stop = Long.parseLong(line.group(1).replace(",", ""));
        }
        Map<String, Integer> arrived = new HashMap<>();
        List<String> header = headerOf(file);
        for (String record : records) {
            arrived.merge(values(JSON.readTree(record), header), 1, Integer::sum);
        }
        int published = 0;
        for (Row row : reading.rows()) {
            if (row.line() >= stop) {
                break;
            }
            if (rejects.containsKey(row.line())) {
                continue;
            }
            Integer copies = row.values() == null ? null : arrived.get(row.values());
            if (copies == null) {
                fail(name + " line " + row.line() + ": neither acknowledged nor named in its rejects (" + row.values()
                        + ")");
            }
            published++;
            if (copies == 1 || duplicatesAllowed) {
                arrived.remove(row.values());
            } else {
                arrived.put(row.values(), copies - 1);
            }
        }
        assertEquals(Map.of(), arrived, name + ": records that no row of the file accounts for (or came twice)");
        List<Long> rowLines = reading.rows().stream().map(Row::line).toList();
        for (long line : rejects.keySet()) {
            assertTrue(rowLines.contains(line) && line < stop, name + ": its rejects name line " + line
                    + ", where no row to publish starts");
        }
        return new Outcome(name, isArchived, rejects, isArchived ? 0 : stop, published);
    }

    /** Reads the file's rows as the contract counts them. */
    public static Reading read(byte[] file) throws IOException {
        Reader reader = new InputStreamReader(BOMInputStream.builder()
                .setInputStream(new ByteArrayInputStream(file)).get(), StandardCharsets.UTF_8);
        CSVParser parser = FORMAT.parse(reader);
        Iterator<CSVRecord> records = parser.iterator();
        List<Row> rows = new ArrayList<>();
        List<String> header;
        try {
            if (!records.hasNext()) {
                return new Reading(rows, 0);
            }
            header = records.next().toList();
        } catch (UncheckedIOException e) {
            return new Reading(rows, 1);
        }
        long last = parser.getCurrentLineNumber();
        while (true) {
            long start = last + 1;
            boolean broken = false;
            CSVRecord record = null;
            while (record == null) {
                try {
                    if (!records.hasNext()) {
                        if (broken) {
                            rows.add(new Row(start, null));
                        }
                        return new Reading(rows, 0);
                    }
                    record = records.next();
                } catch (UncheckedIOException e) {
                    if (!String.valueOf(e.getCause().getMessage()).startsWith("Invalid character between")) {
                        return new Reading(rows, start);
                    }
                    broken = true;
                }
            }
            last = Math.max(start, parser.getCurrentLineNumber());
            rows.add(new Row(start, broken ? null : values(record.toList(), header)));
        }
    }

    private static List<String> headerOf(byte[] file) throws IOException {
        Reader reader = new InputStreamReader(BOMInputStream.builder()
                .setInputStream(new ByteArrayInputStream(file)).get(), StandardCharsets.UTF_8);
        try {
            Iterator<CSVRecord> records = FORMAT.parse(reader).iterator();
            return records.hasNext() ? records.next().toList() : List.of();
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }

    /** A row's values, in the header's order, numbers normalised (1.50 and 1.5 are one value). */
    private static String values(List<String> values, List<String> header) {
        if (values.size() != header.size()) {
            return "(" + values.size() + " fields)" + values;
        }
        List<String> normalised = new ArrayList<>();
        values.forEach(value -> normalised.add(normalise(value)));
        return String.join("\u0001", normalised);
    }

    private static String values(JsonNode record, List<String> header) {
        List<String> values = new ArrayList<>();
        for (String column : header) {
            JsonNode value = record.get(column);
            values.add(value == null ? "(missing)" : value.isNumber() ? value.decimalValue().toPlainString()
                    : value.asText());
        }
        return values(values, header);
    }

    private static String normalise(String value) {
        try {
            BigDecimal number = new BigDecimal(value.strip());
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private static Map<Long, String> rejects(Path rejectsFile) throws IOException {
        Map<Long, String> rejects = new HashMap<>();
        if (Files.exists(rejectsFile)) {
            try (Reader reader = Files.newBufferedReader(rejectsFile, StandardCharsets.UTF_8)) {
                for (CSVRecord reject : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader)) {
                    String earlier = rejects.put(Long.parseLong(reject.get("line")), reject.get("reason"));
                    assertEquals(null, earlier, rejectsFile + " names line " + reject.get("line") + " twice");
                }
            }
        }
        return rejects;
    }
}
