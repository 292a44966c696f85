package io.github.txsim.rows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceTextTest {

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static SourceText text(byte[] bytes, long rowLimit) {
        return new SourceText(new ByteArrayInputStream(bytes), rowLimit);
    }

    /** Reads the whole text in small reads, as a buffered reader would. */
    private static String readAll(SourceText text) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[37];
        for (int n = text.read(buffer, 0, buffer.length); n >= 0; n = text.read(buffer, 0, buffer.length)) {
            all.append(buffer, 0, n);
        }
        return all.toString();
    }

    private static long crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    @Test
    void validUtf8IsReadAsItIsAcrossTheBuffer() throws IOException {
        String accents = "é€😀,".repeat(30_000) + "\n";

        SourceText text = text(bytes(accents), Long.MAX_VALUE);

        assertEquals(accents, readAll(text));
        assertEquals(-1, text.firstUndecodable(1, 2));
    }

    @Test
    void bytesThatAreNotUtf8BecomeReplacementCharactersAndTheirLinesAreNoted() throws IOException {
        SourceText text = text(bytes("a,b\n1,", 0xE9, "t\u00e9\n2,", 0xC3, "\n3,4", 0xF0, 0x9F), Long.MAX_VALUE);

        assertEquals("a,b\n1,\uFFFDt\u00e9\n2,\uFFFD\n3,4\uFFFD", readAll(text));
        assertEquals(-1, text.firstUndecodable(1, 1));
        assertEquals(2, text.firstUndecodable(2, 2));
        assertEquals(3, text.firstUndecodable(3, 3));
        assertEquals(4, text.firstUndecodable(4, 4), "a sequence cut short by the end of the file");
    }

    @Test
    void lineBreaksAreCountedAsCommonsCsvCountsThemAndEachLineEndIsKnown() throws IOException {
        byte[] file = bytes("a\rb\r\nc\nd");
        SourceText text = text(file, Long.MAX_VALUE);

        readAll(text);

        assertEquals(3, text.lineBreaks());
        assertEquals(new FilePrefix(1, 2, crc(file, 2)), text.through(1));
        assertEquals(new FilePrefix(2, 5, crc(file, 5)), text.through(2), "CR LF belongs to its line");
        assertEquals(new FilePrefix(3, 7, crc(file, 7)), text.through(3));
        assertEquals(new FilePrefix(4, 8, crc(file, 8)), text.through(4), "the last line, without a line break");
    }

    @Test
    void aByteOrderMarkIsSkippedButCountsInTheFile() throws IOException {
        byte[] file = bytes(0xEF, 0xBB, 0xBF, "a\n1\n");
        SourceText text = text(file, Long.MAX_VALUE);

        assertEquals("a\n1\n", readAll(text));
        assertEquals(new FilePrefix(1, 5, crc(file, 5)), text.through(1));
    }

    @Test
    void aRowLongerThanTheLimitEndsTheTextEarly() throws IOException {
        SourceText text = text(bytes("a\n" + "x".repeat(1_000) + "\n"), 100);

        String read = readAll(text);

        assertEquals(100, read.length());
        assertTrue(text.isCut());
    }

    @Test
    void eachFinishedRowGetsTheLimitAnew() throws IOException {
        SourceText text = text(bytes("x".repeat(60) + "\n" + "y".repeat(60) + "\n"), 100);
        char[] buffer = new char[61];

        assertEquals(61, text.read(buffer, 0, 61));
        text.rowRead();
        assertEquals(61, text.read(buffer, 0, 61));
        assertEquals(-1, text.read(buffer, 0, 61));
        assertFalse(text.isCut());
    }
}
