package io.github.txsim.files;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileTrackerTest {

    @TempDir
    Path folder;

    @Test
    void aFreeNameIsKept() {
        assertEquals("day.csv", FileTracker.freeName(folder, "day.csv"));
    }

    @Test
    void aTakenNameGetsTheFirstFreeNumber() throws Exception {
        Files.writeString(folder.resolve("day.csv"), "");
        Files.writeString(folder.resolve("day.1.csv"), "");

        assertEquals("day.2.csv", FileTracker.freeName(folder, "day.csv"));
    }
}
