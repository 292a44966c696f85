package io.github.txsim.support;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineFilesTest {

    @TempDir
    Path folder;

    private String cutThenAppend(String before) throws Exception {
        Path file = Files.writeString(folder.resolve("lines"), before);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            LineFiles.cutToLastLine(channel);
            LineFiles.append(channel, List.of("c".getBytes(StandardCharsets.UTF_8), new byte[0]), false);
        }
        return Files.readString(file);
    }

    @Test
    void aLineCutShortIsCutBackBeforeMoreIsAppendedAndWholeLinesStay() throws Exception {
        String longPartial = "x".repeat(100_000); // longer than one chunk read back
        Map<String, String> cases = Map.of(
                "", "c\n\n",
                "a\nb\n", "a\nb\nc\n\n",
                "a\nb", "a\nc\n\n",
                "no newline at all", "c\n\n",
                "a\n" + longPartial, "a\nc\n\n",
                longPartial + "\n" + longPartial, longPartial + "\nc\n\n");
        cases.forEach((before, after) -> {
            try {
                assertEquals(after, cutThenAppend(before), "after " + before.length() + " bytes");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
