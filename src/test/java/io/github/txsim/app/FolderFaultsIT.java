package io.github.txsim.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.txsim.files.DataFoldersHealthCheck;
import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.apache.camel.BeanInject;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files whose folders misbehave or that come back: an archive folder that turns read-only, failed files of one name
 * fixed and moved back, the same bytes dropped again after they were archived. Each case reads the stream back: no
 * row is missing, none arrives twice, and no file vanishes.
 */
class FolderFaultsIT extends ApplicationIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 5);

    @BeanInject("dataFoldersHealthCheck")
    DataFoldersHealthCheck stuckFiles;

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false");
    }

    private static List<Long> ids(List<String> lines) {
        return lines.subList(1, lines.size()).stream().map(line -> Long.parseLong(line.split(",")[0])).toList();
    }

    private void assertEachOnce(List<Long> ids) throws Exception {
        Map<Long, Integer> copies = Delivery.arrivals(KINESIS, stream);
        assertEquals(ids.size(), copies.size(), "records");
        for (long id : ids) {
            assertEquals(1, copies.getOrDefault(id, 0), "copies of transaction " + id);
        }
    }

    @Test
    void anArchiveThatTurnsReadOnlyIsWaitedForWithoutPublishingAnythingTwice() throws Exception {
        List<String> lines = TransactionFiles.lines(DAY, 1_000);
        Folders.makeReadOnly(archive());
        try {
            TransactionFiles.write(source(), "day.csv", String.join("\n", lines) + "\n");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                HealthCheck.Result health = stuckFiles.call();
                return health.getState() == HealthCheck.State.DOWN
                        && ((Number) health.getDetails().get("failedMoves")).intValue() >= 5;
            });
            assertTrue(stuckFiles.call().getMessage().orElseThrow().startsWith("cannot move day.csv into "
                    + archive()), stuckFiles.call().getMessage().orElseThrow());
            assertEquals(List.of("day.csv"), Folders.fileNames(source()), "the file waits in the source folder");
            assertEachOnce(ids(lines));
        } finally {
            Folders.makeWritable(archive());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(archive().resolve("day.csv")));
        assertEquals(HealthCheck.State.UP, stuckFiles.call().getState());
        assertEquals(List.of(), Folders.fileNames(source()));
        assertEachOnce(ids(lines));
    }

    @Test
    void failedFilesOfOneNameFixedAndMovedBackResumeEachWhereItStopped() throws Exception {
        List<String> first = TransactionFiles.lines(DAY, 1_000);
        List<String> second = TransactionFiles.lines(DAY.plusDays(1), 1_000);
        TransactionFiles.write(source(), "day.csv", broken(first, 700));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(failed().resolve("day.csv")));
        TransactionFiles.write(source(), "day.csv", broken(second, 600));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(failed().resolve("day.1.csv")));

        // fixed in place, then moved back under their failed-folder names
        Files.writeString(failed().resolve("day.csv"), String.join("\n", first) + "\n");
        Files.writeString(failed().resolve("day.1.csv"), String.join("\n", second) + "\n");
        TransactionFiles.handOver(failed().resolve("day.1.csv"), source().resolve("day.1.csv"));
        TransactionFiles.handOver(failed().resolve("day.csv"), source().resolve("day.csv"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(archive()).size() == 2);

        assertEquals(List.of("day.1.csv", "day.csv"), Folders.fileNames(archive()));
        List<Long> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertEachOnce(all);
    }

    @Test
    void theSameBytesDroppedAgainAfterTheyWereArchivedAreArchivedAgainWithoutBeingPublished() throws Exception {
        List<String> lines = TransactionFiles.lines(DAY, 1_000);
        String text = String.join("\n", lines) + "\n";
        TransactionFiles.write(source(), "day.csv", text);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(archive().resolve("day.csv")));
        TransactionFiles.write(source(), "day.csv", text);
        List<String> other = TransactionFiles.lines(DAY.plusDays(1), 10);
        TransactionFiles.write(source(), "other.csv", String.join("\n", other) + "\n");

        await().atMost(Duration.ofSeconds(30)).until(() -> Folders.fileNames(archive()).size() == 3);

        assertEquals(List.of("day.1.csv", "day.csv", "other.csv"), Folders.fileNames(archive()));
        assertEquals(text, Files.readString(archive().resolve("day.1.csv"), StandardCharsets.UTF_8), "the copy");
        List<Long> all = new ArrayList<>(ids(lines));
        all.addAll(ids(other));
        assertEachOnce(all);
    }

    /** The file's text with the given line (1: the header) opening a quote that never closes. */
    private static String broken(List<String> lines, int line) {
        List<String> copy = new ArrayList<>(lines);
        copy.set(line - 1, "\"" + copy.get(line - 1));
        return String.join("\n", copy) + "\n";
    }
}
