package io.github.txsim.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.txsim.simulator.DailyFileGenerator;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.LineAccounting;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.apache.camel.BeanInject;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How files are handed over to the publisher, with the read lock at its defaults (publish.readLock.*): a file another
 * program writes straight into the watched folder, slowly, as {@code cp} of a big file or a script's {@code to_csv}
 * would, is left alone until it has stopped changing, so it is published whole and once and the writer never finds
 * it gone; a file moved into the folder complete, or written by the application's own generator, is taken at once.
 */
class FileHandoverIT extends ApplicationIT {

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false")
                .set("publish.readLock.minAge", "10s")
                .set("publish.readLock.checkInterval", "500ms")
                .set("publish.readLock.timeout", "30s");
    }

    /** Well under the minimum age of 10 s: a file taken this fast did not wait for it. */
    private static final Duration AT_ONCE = Duration.ofSeconds(5);

    @BeanInject("dailyFileGenerator")
    DailyFileGenerator generator;

    private static byte[] day(int rows) throws Exception {
        return (String.join("\n", TransactionFiles.lines(LocalDate.of(2026, 11, 3), rows)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWrittenInChunksOverTenSecondsIsPublishedWholeAndOnce() throws Exception {
        byte[] whole = day(1_000);
        Path target = data.resolve("source").resolve("slow.csv");
        int chunks = 10;
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            // a chunk a second, cut anywhere in a line, straight into the watched folder
            writer.scheduleAtFixedRate(() -> {
                int chunk = written.get();
                if (chunk < chunks) {
                    append(target, Arrays.copyOfRange(whole, whole.length * chunk / chunks,
                            whole.length * (chunk + 1) / chunks));
                    written.incrementAndGet();
                }
            }, 0, 1, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() == chunks);
        } finally {
            writer.shutdownNow();
        }
        LineAccounting.awaitDone(data, "slow.csv", Duration.ofSeconds(30));

        LineAccounting.Outcome outcome = LineAccounting.assertAccounted("slow.csv", whole, received(), data);
        assertTrue(outcome.archived());
        assertEquals(1_000, outcome.published(), "every row once");
        assertArrayEquals(whole, Files.readAllBytes(data.resolve("archive").resolve("slow.csv")),
                "the file was archived after its last chunk");
        assertEquals(List.of(), Folders.fileNames(data.resolve("source")));
    }

    @Test
    void aCompleteFileMovedIntoTheFolderIsTakenAtOnce() throws Exception {
        Path elsewhere = Files.createDirectories(data.resolve("elsewhere")).resolve("moved.csv");
        Files.write(elsewhere, day(100));
        Files.setLastModifiedTime(elsewhere, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        Files.move(elsewhere, data.resolve("source").resolve("moved.csv"));

        LineAccounting.awaitDone(data, "moved.csv", AT_ONCE);
        assertTrue(Files.exists(data.resolve("archive").resolve("moved.csv")));
    }

    @Test
    void aFileOfTheGeneratorIsTakenAtOnce() {
        String name = generator.generate(LocalDate.of(2026, 11, 4)).orElseThrow().path().getFileName().toString();

        LineAccounting.awaitDone(data, name, AT_ONCE);
        assertTrue(Files.exists(data.resolve("archive").resolve(name)));
    }

    private static void append(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
