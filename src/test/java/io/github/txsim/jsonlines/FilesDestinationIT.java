package io.github.txsim.jsonlines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code publish.sink=files} end to end: the application writes a source file's records as JSON Lines, one per row
 * and exactly the row's record, renames the file into place when every row is done, resumes a file cut short by
 * kill -9 with at most the groups in flight repeated, and {@code verify} reads the folder back.
 */
class FilesDestinationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);

    @TempDir
    Path data;

    private ApplicationProcess application(String name) {
        return new ApplicationProcess(data.resolve(name + ".log")).set("publish.sink", "files")
                .set("files.folder", data.resolve("records").toString()).set("app.runOnce", "true")
                .set("generator.enabled", "false").dataFolders(data);
    }

    @Test
    void eachRowIsOneLineOfItsFilesJsonLinesAndVerifyReadsThemBack() throws Exception {
        Path source = Files.createDirectories(data.resolve("source"));
        Path file = TransactionFiles.writeDay(source, DAY);
        List<String> ids = transactionIds(file);
        try (ApplicationProcess run = application("publish").start()) {
            assertEquals(0, run.awaitExit(Duration.ofSeconds(60)), run.output());
        }

        assertEquals(List.of("transactions-2026-12-01.jsonl"), Folders.fileNames(data.resolve("records")));
        List<String> lines = Files.readAllLines(data.resolve("records").resolve("transactions-2026-12-01.jsonl"));
        // groups in flight (publish.maxInFlight) write in the order they finish
        assertEquals(ids.stream().sorted().toList(), lines.stream().map(FilesDestinationIT::transactionId).sorted()
                .toList(), "one line a row, each row once");
        assertEquals("CUSTOMER_ID,TERMINAL_ID,TRANSACTION_ID,TX_AMOUNT,TX_DATETIME,TX_FRAUD,TX_FRAUD_SCENARIO,"
                + "TX_TIME_DAYS,TX_TIME_SECONDS", String.join(",", new TreeSet<>(fields(lines.get(0)))));

        Path archived = data.resolve("archive").resolve(Folders.fileNames(data.resolve("archive")).get(0));
        try (ApplicationProcess verify = application("verify").arguments("verify", archived.toString()).start()) {
            assertEquals(0, verify.awaitExit(Duration.ofSeconds(60)), verify.output());
            assertTrue(verify.output().contains(String.format("Verified %s: %,d of %,d records in JSON Lines folder "
                    + "'%s', 0 missing, 0 duplicated", archived.getFileName(), ids.size(), ids.size(),
                    data.resolve("records"))), verify.output());
        }
    }

    @Test
    void aFileCutShortByKillResumesWithAtMostTheGroupsInFlightRepeated() throws Exception {
        Path source = Files.createDirectories(data.resolve("source"));
        Path file = TransactionFiles.writeDay(source, DAY);
        List<String> ids = transactionIds(file);
        Path part = data.resolve("records").resolve("transactions-2026-12-01.jsonl.part");
        int groupSize = 100;
        ApplicationProcess first = application("first").set("publish.pacing", "rate:400")
                .set("publish.groupSize", Integer.toString(groupSize)).start();
        try (first) {
            await().atMost(Duration.ofSeconds(60)).until(() -> lineCount(part) >= 600);
            first.kill();
        }
        try (ApplicationProcess second = application("second").start()) {
            assertEquals(0, second.awaitExit(Duration.ofSeconds(60)), second.output());
            assertTrue(second.output().contains(String.format("%,d of %,d records in JSON Lines folder", ids.size(),
                    ids.size())) && second.output().contains(", 0 missing, "), second.output());
        }

        assertEquals(List.of("transactions-2026-12-01.jsonl"), Folders.fileNames(data.resolve("records")));
        List<String> lines = Files.readAllLines(data.resolve("records").resolve("transactions-2026-12-01.jsonl"));
        List<String> written = lines.stream().map(FilesDestinationIT::transactionId).toList();
        assertEquals(new HashSet<>(ids), new HashSet<>(written), "every row, each line a whole record");
        int repeated = written.size() - ids.size();
        assertTrue(repeated <= groupSize, repeated + " rows written twice; the group in flight has " + groupSize);
    }

    private static long lineCount(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }

    /** The transaction ids of a CSV file of the generator, whose first column is TRANSACTION_ID. */
    private static List<String> transactionIds(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertTrue(lines.get(0).startsWith("TRANSACTION_ID,"), lines.get(0));
        return lines.subList(1, lines.size()).stream().map(line -> line.substring(0, line.indexOf(','))).toList();
    }

    private static String transactionId(String line) {
        try {
            return JSON.readTree(line).get("TRANSACTION_ID").asText();
        } catch (IOException e) {
            throw new AssertionError("not a JSON record: " + line, e);
        }
    }

    private static Set<String> fields(String line) throws IOException {
        Set<String> names = new HashSet<>();
        JSON.readTree(line).fieldNames().forEachRemaining(names::add);
        return names;
    }
}
