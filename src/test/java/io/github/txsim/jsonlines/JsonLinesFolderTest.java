package io.github.txsim.jsonlines;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.rows.TransactionRecord;
import io.github.txsim.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class JsonLinesFolderTest {

    @TempDir
    Path folder;

    private static List<PendingRecord> records(String... data) {
        List<PendingRecord> records = new ArrayList<>();
        for (String json : data) {
            records.add(new PendingRecord(new TransactionRecord(null, "1", json.getBytes(StandardCharsets.UTF_8)),
                    null));
        }
        return records;
    }

    private JsonLinesFolder started() {
        JsonLinesFolder sink = new JsonLinesFolder(folder);
        sink.start();
        return sink;
    }

    @Test
    void aFilesRecordsAreAcknowledgedOnDiskAndRenamedIntoPlaceWhenItIsDone() throws Exception {
        JsonLinesFolder sink = started();
        List<Object> answers = new ArrayList<>();
        sink.send("day.csv", records("{\"a\":1}", "{\"a\":2}"), (part, failures) -> answers.addAll(failures));
        assertEquals(2, answers.size());
        answers.forEach(failure -> assertNull(failure, "acknowledged"));
        assertEquals(List.of("day.jsonl.part"), Folders.fileNames(folder));

        sink.fileDone("day.csv");
        sink.fileDone("day.csv");
        assertEquals(List.of("day.jsonl"), Folders.fileNames(folder));
        assertEquals("{\"a\":1}\n{\"a\":2}\n", Files.readString(folder.resolve("day.jsonl")));
    }

    @Test
    void aCopyPublishedAgainGetsANumberedNameAndAFileWithoutRecordsNone() throws Exception {
        JsonLinesFolder sink = started();
        for (int copy = 0; copy < 2; copy++) {
            sink.send("day.csv", records("{}"), (part, failures) -> { });
            sink.fileDone("day.csv");
        }
        sink.fileDone("empty.csv");
        assertEquals(List.of("day-2.jsonl", "day.jsonl"), Folders.fileNames(folder).stream().sorted().toList());
    }

    @Test
    void aLineThatACrashCutShortIsDroppedBeforeTheFileGoesOn() throws Exception {
        String longLine = "x".repeat(100_000);
        Files.writeString(folder.resolve("day.jsonl.part"), "{\"a\":1}\n" + longLine + "\n{\"a\":2");
        JsonLinesFolder sink = started();
        sink.send("day.csv", records("{\"a\":3}"), (part, failures) -> { });
        sink.fileDone("day.csv");
        assertEquals("{\"a\":1}\n" + longLine + "\n{\"a\":3}\n", Files.readString(folder.resolve("day.jsonl")));

        Files.writeString(folder.resolve("other.jsonl.part"), longLine);
        sink.fileDone("other.csv");
        assertEquals("", Files.readString(folder.resolve("other.jsonl")), "no whole line: nothing was acknowledged");
    }

    @Test
    void aFolderGoneIsAnOutageNotAFailureOfTheFile() throws Exception {
        JsonLinesFolder sink = started();
        assertNull(sink.unavailable(null));
        Files.delete(folder);
        assertEquals("The JSON Lines folder " + folder + " does not exist (any longer): create it again (the records "
                + "of files that were being written in it are gone: verify names them)", sink.unavailable(null));
    }
}
