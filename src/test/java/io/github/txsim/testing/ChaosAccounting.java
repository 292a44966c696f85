package io.github.txsim.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What an {@link OperationsChaos} schedule must leave behind, checked from the folders and the stream (or topic):
 * <ul>
 * <li>no file vanishes: every row written is in a file of the archive or the failed folder (but rows a writer cut
 * off, and those of files the operator deleted with the source folder), and the source folder holds no file;</li>
 * <li>every line of every such file is acknowledged by the stream or named in the file's {@code .rejects} or
 * {@code .report} ({@link LineAccounting});</li>
 * <li>the stream holds no record that no row accounts for;</li>
 * <li>duplicates stay within the bound: the rows of the groups in flight, per disruption (a kill, a stop, the endpoint
 * gone, the stream deleted).</li>
 * </ul>
 */
public final class ChaosAccounting {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path data;
    private final Set<Long> written = ConcurrentHashMap.newKeySet();
    private final Set<Long> cutOff = ConcurrentHashMap.newKeySet();
    private final Set<Long> removed = ConcurrentHashMap.newKeySet();
    private final List<String> records = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger disruptions = new AtomicInteger();

    /** What a schedule did and what came of it. */
    public record Result(String target, long seed, Map<OperationsChaos.Action, Integer> actions, int refusedStarts,
            int files, long rows, long acknowledged, long named, long cutOff, long removed, long duplicates,
            long duplicateBound, Duration took) {

        public String summary() {
            return String.format("%s, seed %d: %d files, %,d rows (%,d acknowledged, %,d named, %,d cut off by their "
                    + "writer, %,d deleted with the source folder), %,d duplicates (bound %,d), %.0f s; %s, %d starts "
                    + "refused and tried again", target, seed, files, rows, acknowledged, named, cutOff, removed,
                    duplicates, duplicateBound, took.toMillis() / 1000.0, actions, refusedStarts);
        }
    }

    ChaosAccounting(Path data) {
        this.data = data;
    }

    void written(List<String> rows) {
        for (String row : rows) {
            long id = idOf(row);
            assertTrue(written.add(id), "transaction " + id + " is in two files: each file needs a day of its own");
        }
    }

    void cutOff(List<String> rows) {
        rows.forEach(row -> cutOff.add(idOf(row)));
    }

    /** Rows of a file the operator deleted, with the source folder: in the stream or not, and in no folder. */
    void removed(List<String> rows) {
        rows.forEach(row -> removed.add(idOf(row)));
    }

    /** Records the destination holds (before it is deleted, or at the end), their data a JSON transaction each. */
    void streamRecords(List<String> received) {
        records.addAll(received);
    }

    void disrupted() {
        disruptions.incrementAndGet();
    }

    Result check(String target, long seed, Map<OperationsChaos.Action, Integer> actions, int refusedStarts,
            int rowsPerDisruption, Duration took) throws IOException {
        assertEquals(List.of(), Folders.fileNames(data.resolve("source")).stream()
                .filter(name -> name.endsWith(".csv")).toList(), "files left in the source folder");
        Map<Long, List<String>> recordsById = new HashMap<>();
        for (String record : records) {
            recordsById.computeIfAbsent(JSON.readTree(record).get("TRANSACTION_ID").asLong(), id -> new ArrayList<>())
                    .add(record);
        }
        Set<Long> inFiles = new HashSet<>();
        long rows = 0;
        long acknowledged = 0;
        List<Path> files = finalFiles();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            List<String> lines = Files.readAllLines(file);
            List<String> fileRecords = new ArrayList<>();
            // every line but a header: a file that continues an archived one starts with a row
            for (String line : lines) {
                if (!line.startsWith("TRANSACTION_ID,")) {
                    long id = idOf(line);
                    inFiles.add(id);
                    fileRecords.addAll(recordsById.getOrDefault(id, List.of()));
                }
            }
            boolean archived = file.getParent().getFileName().toString().equals("archive");
            LineAccounting.Outcome outcome = LineAccounting.assertAccounted(file, archived, bytes, fileRecords, true);
            rows += LineAccounting.read(bytes).rows().size();
            acknowledged += outcome.published();
        }
        for (long id : written) {
            if (!inFiles.contains(id) && !cutOff.contains(id) && !removed.contains(id)) {
                fail("transaction " + id + " was written, but no file of the archive or failed folder holds it");
            }
        }
        for (long id : recordsById.keySet()) {
            if (!inFiles.contains(id) && !cutOff.contains(id) && !removed.contains(id)) {
                fail("the stream holds transaction " + id + ", which no file holds and no writer cut off");
            }
        }
        long duplicates = records.size() - recordsById.size();
        long bound = (long) disruptions.get() * rowsPerDisruption;
        assertTrue(duplicates <= bound, duplicates + " duplicates, more than the rows in flight at "
                + disruptions.get() + " disruptions (" + bound + ")");
        return new Result(target, seed, actions, refusedStarts, files.size(), rows, acknowledged, rows - acknowledged,
                cutOff.size(), removed.size(), duplicates, bound, took);
    }

    /** The CSV files of the archive and failed folders. */
    private List<Path> finalFiles() {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("archive", "failed")) {
            for (String name : Folders.fileNames(data.resolve(folder))) {
                if (name.endsWith(".csv")) {
                    files.add(data.resolve(folder).resolve(name));
                }
            }
        }
        return files;
    }

    private static long idOf(String row) {
        int comma = row.indexOf(',');
        return Long.parseLong(comma < 0 ? row : row.substring(0, comma));
    }
}
