package io.github.txsim.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.Reject;
import io.github.txsim.testing.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckpointsTest {

    private static final String DAY = "a\n1\n2\n3\n";

    @TempDir
    Path folder;

    private Checkpoints checkpoints() throws Exception {
        return new Checkpoints(Files.createDirectories(folder.resolve("checkpoints")));
    }

    private Path file(String text) throws Exception {
        return Files.writeString(folder.resolve("day.csv"), text, StandardCharsets.UTF_8);
    }

    /** Where row n of the text ends, as the publisher reads it. */
    private static FilePrefix endOfRow(String text, int n) {
        return Rows.of(text).get(n - 1).end();
    }

    @Test
    void aFileResumesWhereItsCheckpointLeftIt() throws Exception {
        Checkpoints checkpoints = checkpoints();
        Path file = file(DAY);

        checkpoints.save(file, new Checkpoints.Checkpoint(1, 1, endOfRow(DAY, 1)), List.of(new Reject(2, "bad", "1")));
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 1, endOfRow(DAY, 2)), List.of());

        assertEquals(new Checkpoints.Checkpoint(2, 1, new FilePrefix(3, 6, endOfRow(DAY, 2).crc())),
                new Checkpoints(folder.resolve("checkpoints")).load(file));
        assertEquals(List.of(new Reject(2, "bad", "1")), checkpoints.rejects(file));
    }

    @Test
    void aFileFixedOrCompletedAfterItsRowsDoneStillResumes() throws Exception {
        Checkpoints checkpoints = checkpoints();
        Path file = file("a\n1\n2\n\"3\n");
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 0, endOfRow(DAY, 2)), List.of());

        Path fixed = file("a\n1\n2\n3\n4\n5\n");

        assertEquals(2, checkpoints.load(fixed).rowsDone());
    }

    @Test
    void aNewFileWithAnOldNameStartsFromItsFirstRow() throws Exception {
        Checkpoints checkpoints = checkpoints();
        Path file = file(DAY);
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 1, endOfRow(DAY, 2)), List.of(new Reject(3, "bad", "2")));

        Path replaced = file("a\n1\n9\n3\n");

        assertEquals(Checkpoints.Checkpoint.START, checkpoints.load(replaced));
        assertEquals(List.of(), checkpoints.rejects(replaced), "the old file's rejects are gone");
    }

    @Test
    void aShorterFileWithTheNameStartsFromItsFirstRow() throws Exception {
        Checkpoints checkpoints = checkpoints();
        Path file = file(DAY);
        checkpoints.save(file, new Checkpoints.Checkpoint(3, 0, endOfRow(DAY, 3)), List.of());

        assertEquals(Checkpoints.Checkpoint.START, checkpoints.load(file("a\n1\n")));
    }

    @Test
    void aRejectSavedTwiceAfterACrashIsListedOnce() throws Exception {
        Checkpoints checkpoints = checkpoints();
        Path file = file(DAY);
        checkpoints.save(file, Checkpoints.Checkpoint.START, List.of(new Reject(3, "bad", "2")));
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 1, endOfRow(DAY, 2)), List.of(new Reject(3, "bad", "2")));

        assertEquals(List.of(new Reject(3, "bad", "2")), checkpoints.rejects(file));
    }

    @Test
    void aFailedFilesCheckpointWaitsUnderItsFailedNameWhileAnotherFileTakesItsOldName() throws Exception {
        Checkpoints checkpoints = checkpoints();
        Path file = file(DAY);
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 1, endOfRow(DAY, 2)), List.of(new Reject(3, "bad", "2")));
        checkpoints.park(file, "day.1.csv");

        Path other = file("a\n7\n8\n");
        assertEquals(Checkpoints.Checkpoint.START, checkpoints.load(other), "another file with the old name");

        Path back = Files.writeString(folder.resolve("day.1.csv"), DAY, StandardCharsets.UTF_8);
        assertEquals(2, checkpoints.load(back).rowsDone(), "moved back under its failed-folder name");
        assertEquals(List.of(new Reject(3, "bad", "2")), checkpoints.rejects(back));
    }

    @Test
    void aCheckpointParkedForAMoveThatFailedIsTheFilesAgain() throws Exception {
        Checkpoints checkpoints = checkpoints();
        Path file = file(DAY);
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 0, endOfRow(DAY, 2)), List.of());

        checkpoints.park(file, "day.csv");
        checkpoints.unpark(file, "day.csv");

        assertEquals(2, checkpoints.load(file).rowsDone());
    }
}
