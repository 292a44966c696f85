package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File names as people make them: spaces, accents, shell characters are published; a backslash, which Camel's file
 * component reads as a folder separator, is refused with a line naming the file, and a run-once run still ends,
 * with a non-zero status since a file was left unpublished.
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
        assertTrue(application.output().contains("1 refused for their names"), application.output());
    }
}
