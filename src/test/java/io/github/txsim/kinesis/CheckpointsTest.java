package io.github.txsim.kinesis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckpointsTest {

    @TempDir
    Path folder;

    private Path file(String name, String text, Instant modified) throws Exception {
        Path file = Files.writeString(folder.resolve(name), text);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void aFileResumesWhereItsCheckpointLeftIt() throws Exception {
        Checkpoints checkpoints = new Checkpoints(Files.createDirectory(folder.resolve("checkpoints")));
        Path file = file("day.csv", "a\n1\n2\n", Instant.parse("2026-11-28T06:00:00Z"));

        checkpoints.save(file, new Checkpoints.Checkpoint(500, 498), List.of(new Reject(7, "bad", "x,y")));
        checkpoints.save(file, new Checkpoints.Checkpoint(1000, 997), List.of(new Reject(612, "worse", "\"a,b\"")));

        assertEquals(new Checkpoints.Checkpoint(1000, 997), new Checkpoints(folder.resolve("checkpoints")).load(file));
        assertEquals(List.of(new Reject(7, "bad", "x,y"), new Reject(612, "worse", "\"a,b\"")),
                checkpoints.rejects(file));
    }

    @Test
    void aNewFileWithAnOldNameStartsFromItsFirstRow() throws Exception {
        Checkpoints checkpoints = new Checkpoints(Files.createDirectory(folder.resolve("checkpoints")));
        Path file = file("day.csv", "a\n1\n2\n", Instant.parse("2026-11-28T06:00:00Z"));
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 2), List.of(new Reject(3, "bad", "2")));

        Path replaced = file("day.csv", "a\n1\n2\n", Instant.parse("2026-11-29T06:00:00Z"));

        assertEquals(new Checkpoints.Checkpoint(0, 0), checkpoints.load(replaced));
        assertEquals(List.of(), checkpoints.rejects(replaced), "the old file's rejects are gone");
    }

    @Test
    void aRejectSavedTwiceAfterACrashIsListedOnce() throws Exception {
        Checkpoints checkpoints = new Checkpoints(Files.createDirectory(folder.resolve("checkpoints")));
        Path file = file("day.csv", "a\n1\n", Instant.parse("2026-11-28T06:00:00Z"));
        checkpoints.save(file, new Checkpoints.Checkpoint(0, 0), List.of(new Reject(3, "bad", "2")));
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 1), List.of(new Reject(3, "bad", "2")));

        assertEquals(List.of(new Reject(3, "bad", "2")), checkpoints.rejects(file));
    }
}
