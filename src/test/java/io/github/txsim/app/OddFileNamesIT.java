package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermissions;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files as people make them. Names with spaces, accents, shell characters are published; a backslash, which Camel's
 * file component reads as a folder separator, is refused with a line naming the file. A FIFO named {@code *.csv} (whose
 * first read would block for ever) and a file this process may not read are refused too, each named once. A run-once
 * run still ends at once, with a non-zero status since files were left unpublished; a service publishes a refused
 * file once it can.
 */
class OddFileNamesIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    @Test
    void oddNamesArePublishedAndABackslashIsRefusedByNameWithoutHangingTheRun() throws Exception {
        KINESIS.createStream("odd-names", 1);
        Path source = Files.createDirectories(data.resolve("source"));
        List<String> names = List.of("day one.csv", "jour-été.csv", "a#b$c{d}%e&f'g.csv");
        for (int i = 0; i < names.size(); i++) {
            TransactionFiles.writeRows(source, names.get(i), LocalDate.of(2026, 11, 10 + i), 10);
        }
        TransactionFiles.writeRows(source, "a\\b.csv", LocalDate.of(2026, 11, 20), 10);

        ApplicationProcess application = ApplicationProcess.runOnce(KINESIS, "odd-names", data, "odd-names");
        try (application) {
            assertEquals(1, application.start().awaitExit(Duration.ofSeconds(60)), application.output());
        }

        assertEquals(names.stream().sorted().toList(), Folders.fileNames(data.resolve("archive")));
        assertEquals(List.of("a\\b.csv"), Folders.fileNames(source), "the refused file stays where it was");
        assertEquals(30, KINESIS.readAll("odd-names").size());
        List<String> warnings = application.output().lines().filter(line -> line.contains("a\\b.csv")).toList();
        assertEquals(1, warnings.size(), application.output());
        assertTrue(warnings.get(0).contains("WARN") && warnings.get(0).contains("Cannot publish 'a\\b.csv': a file "
                + "name with a backslash"), warnings.get(0));
        assertTrue(application.output().contains("1 refused (each named in a WARN above)"), application.output());
        assertFalse(application.output().contains("inflight"), "the run stops without waiting for an exchange:\n"
                + application.output());
    }

    @Test
    void aFifoAndAFileThatCannotBeReadAreRefusedByNameAndTheRunEndsAtOnce() throws Exception {
        KINESIS.createStream("odd-files", 1);
        Path source = Files.createDirectories(data.resolve("source"));
        TransactionFiles.writeRows(source, "b-day.csv", LocalDate.of(2026, 11, 21), 10);
        mkfifo(source.resolve("a-pipe.csv"));
        Path locked = TransactionFiles.writeRows(source, "c-locked.csv", LocalDate.of(2026, 11, 22), 10);
        Files.setPosixFilePermissions(locked, Set.of());

        ApplicationProcess application = ApplicationProcess.runOnce(KINESIS, "odd-files", data, "odd-files")
                .withoutFileOverrides();
        try (application) {
            assertEquals(1, application.start().awaitExit(Duration.ofSeconds(60)), application.output());
        }

        assertEquals(List.of("b-day.csv"), Folders.fileNames(data.resolve("archive")));
        assertEquals(List.of("c-locked.csv"), Folders.fileNames(source));
        assertTrue(Files.exists(source.resolve("a-pipe.csv")), "the FIFO stays where it was");
        assertEquals(10, KINESIS.readAll("odd-files").size());
        String output = application.output();
        assertEquals(List.of("Cannot publish 'a-pipe.csv': it is a FIFO (named pipe), not a regular file: only regular "
                + "files are published; remove it, and write the rows to a file"), warnings(output, "a-pipe.csv"));
        assertEquals(List.of("Cannot publish 'c-locked.csv': cannot read it: permission denied for this process's user "
                + "(" + System.getProperty("user.name") + "); it is published once that user can read it"),
                warnings(output, "c-locked.csv"));
        assertTrue(output.contains("2 refused (each named in a WARN above)"), output);
        assertFalse(output.contains("inflight"), "the run stops without waiting for an exchange:\n" + output);
    }

    @Test
    void aServicePublishesAFileItCouldNotReadOnceItCan() throws Exception {
        KINESIS.createStream("made-readable", 1);
        Path source = Files.createDirectories(data.resolve("source"));
        Path locked = TransactionFiles.writeRows(source, "locked.csv", LocalDate.of(2026, 11, 23), 10);
        Files.setPosixFilePermissions(locked, Set.of());

        try (ApplicationProcess service = ApplicationProcess.runOnce(KINESIS, "made-readable", data, "service")
                .set("app.runOnce", "false").set("publish.pollDelay", "100ms").withoutFileOverrides().start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> service.output().contains("Cannot publish 'locked.csv'"));
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-r--r--"));
            await().atMost(Duration.ofSeconds(60)).until(() -> Folders.fileNames(data.resolve("archive"))
                    .contains("locked.csv"));
            assertEquals(1, warnings(service.output(), "locked.csv").size(), service.output());
        }
        assertEquals(10, KINESIS.readAll("made-readable").size());
    }

    /** The WARN lines that name the file, from the logger's name on. */
    private static List<String> warnings(String output, String name) {
        return output.lines().filter(line -> line.contains(" WARN ") && line.contains("'" + name + "'"))
                .map(line -> line.substring(line.indexOf(" - ") + 3)).toList();
    }

    private static void mkfifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor(), "mkfifo " + path);
    }
}
