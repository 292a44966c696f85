package io.github.txsim.app;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files that a writer is still writing when the publisher takes them: rows appended while the writer keeps the file
 * open, after a pause longer than the read lock's minimum age, are read and published too, and the archived file
 * holds exactly the rows that went to the stream; a file reopened after the first part was archived is named for
 * what it is.
 */
class GrowingFilesIT extends ApplicationIT {

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false")
                .set("publish.readLock.minAge", "1s")
                .set("publish.readLock.checkInterval", "100ms");
    }

    private static byte[] text(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static List<Long> ids(List<String> rows) {
        return rows.stream().map(line -> Long.parseLong(line.split(",")[0])).toList();
    }

    @Test
    void rowsAppendedByAWriterThatKeepsTheFileOpenArePublishedToo() throws Exception {
        List<String> first = TransactionFiles.lines(LocalDate.of(2026, 11, 8), 1_000);
        List<String> more = TransactionFiles.lines(LocalDate.of(2026, 11, 9), 1_000);
        more = more.subList(1, more.size());
        Path file = source().resolve("log.csv");
        try (OutputStream writer = Files.newOutputStream(file)) {
            writer.write(text(first));
            writer.flush();
            // the writer pauses, longer than the minimum age of 1 s, while a first group of 500 rows is published (the
            // second group waits for more rows or the end of the file), then goes on
            await().atMost(Duration.ofSeconds(30)).until(() -> received().size() >= 500);
            writer.write(text(more));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(archive().resolve("log.csv")));
        List<String> archived = Files.readAllLines(archive().resolve("log.csv"));
        assertEquals(2_001, archived.size(), "the archived file holds every line written");
        Map<Long, Integer> copies = Delivery.arrivals(KINESIS, stream);
        List<Long> ids = ids(archived.subList(1, archived.size()));
        assertEquals(ids.size(), copies.size(), "every row of the archived file, and no other, in the stream");
        ids.forEach(id -> assertEquals(1, copies.get(id), "copies of " + id));
    }

    @Test
    void aFileReopenedAfterItsFirstPartWasArchivedIsNamedAsAPossibleContinuation() throws Exception {
        List<String> lines = TransactionFiles.lines(LocalDate.of(2026, 11, 8), 1_000);
        Path file = source().resolve("log.csv");
        Files.write(file, text(lines.subList(0, 501)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(archive().resolve("log.csv")));

        Files.write(file, text(lines.subList(501, lines.size())));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(failed().resolve("log.csv")));

        String reason = Files.readAllLines(failed().resolve("log.csv.report")).get(0);
        assertTrue(reason.startsWith("# Publishing log.csv failed: line 1 is a data row, not a header (it holds '"
                + lines.get(501).split(",")[0] + "', '" + lines.get(501).split(",")[1] + "', '"), reason);
        assertTrue(reason.contains("a file must start with its column names; the archive folder holds "
                + archive().resolve("log.csv") + " (last written "), reason);
        assertTrue(reason.endsWith("is this file the rest of it, written after it was archived?"), reason);
        assertEquals(List.of("log.csv", "log.csv.report"), Folders.fileNames(failed()));
        Map<Long, Integer> copies = Delivery.arrivals(KINESIS, stream);
        assertEquals(500, copies.size(), "the first part's rows, and nothing of the continuation");
        ids(lines.subList(1, 501)).forEach(id -> assertEquals(1, copies.get(id), "copies of " + id));
    }
}
