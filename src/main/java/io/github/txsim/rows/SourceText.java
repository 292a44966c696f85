package io.github.txsim.rows;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.zip.CRC32C;

/**
 * A source file's text as the CSV parser reads it: its bytes decoded as UTF-8, with three things noted on the way.
 * <ul>
 * <li><b>Undecodable lines.</b> A reader from the JDK either replaces bytes that are not UTF-8 without a word
 * ({@code InputStreamReader}) or stops at the first one (a decoder that reports errors). Neither says which line held
 * them, so this reader drives the JDK's decoder itself: each undecodable sequence becomes U+FFFD and its line is
 * noted, so that the row holding it is rejected and the rest of the file still published.</li>
 * <li><b>Where each line ends</b> in the file, as a {@link FilePrefix} (byte offset and CRC-32C of the bytes before
 * it), so that a checkpoint can recognise the file later.</li>
 * <li><b>A bound on one row.</b> A quote that never closes makes the rest of the file one value, and binary content
 * may hold no line break at all; the parser would keep it all in memory. Past {@code rowLimit} characters since the
 * last row the parser finished, the text ends early and {@link #isCut()} says so.</li>
 * </ul>
 * Lines are counted as Commons CSV counts them (CR, LF, or CR LF once; the first line is 1). A UTF-8 byte order mark
 * is skipped. One file, one thread.
 */
public final class SourceText extends Reader {

    public static final char REPLACEMENT = '\uFFFD';

    /** Asked when the bytes run out: whether the file may still grow (a writer still at work). */
    @FunctionalInterface
    public interface Growth {
        /** A file that is complete when read. */
        Growth NONE = bytesRead -> false;

        /**
         * Waits while more may be written to the file; true when there is more to read, false at its real end.
         *
         * @param bytesRead the bytes read from the file so far
         * @throws IOException when the file cannot be read on (cut short, or the application stopping)
         */
        boolean awaitMore(long bytesRead) throws IOException;
    }

    private final InputStream in;
    private final Growth growth;
    private final long rowLimit;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CRC32C crc = new CRC32C();
    private final Deque<Long> undecodableLines = new ArrayDeque<>();
    private final LineEnds lineEnds = new LineEnds();
    private int counted;
    private long offset;
    private long lineBreaks;
    private boolean afterCr;
    private boolean started;
    private boolean endOfInput;
    private boolean flushed;
    private long charsRead;
    private long pulled;
    private long rowStart;
    private boolean cut;

    /**
     * @param in       the file's bytes
     * @param rowLimit the most characters one row may take (beyond the parser's read-ahead)
     */
    public SourceText(InputStream in, long rowLimit) {
        this(in, rowLimit, Growth.NONE);
    }

    /**
     * @param growth asked at the end of the bytes whether more are coming: rows a writer appends while the file is
     *               read are read too, as a tail of the file would
     */
    public SourceText(InputStream in, long rowLimit, Growth growth) {
        this.in = in;
        this.rowLimit = rowLimit;
        this.growth = growth;
    }

    /** The bytes read from the file so far. */
    public long bytesRead() {
        return pulled;
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (!started) {
            skipByteOrderMark();
            started = true;
        }
        if (flushed || len == 0) {
            return flushed ? -1 : 0;
        }
        long room = rowStart + rowLimit - charsRead;
        if (room <= 0) {
            cut = true;
            return -1;
        }
        CharBuffer out = CharBuffer.wrap(buffer, off, (int) Math.min(len, room));
        while (out.position() == off && !flushed) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            count(bytes.position());
            if (result.isError()) {
                noteUndecodable(lineBreaks + 1);
                bytes.position(bytes.position() + result.length());
                count(bytes.position());
                out.put(REPLACEMENT);
            } else if (result.isUnderflow()) {
                if (endOfInput) {
                    decoder.flush(out);
                    flushed = true;
                } else {
                    fill();
                }
            }
        }
        int read = out.position() - off;
        charsRead += read;
        return read == 0 ? -1 : read;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The parser finished a row: the next one may take up to the row limit from here. */
    public void rowRead() {
        rowStart = charsRead;
    }

    /** Whether the text ended early because one row went past the row limit. */
    public boolean isCut() {
        return cut;
    }

    /** The line breaks read so far. */
    public long lineBreaks() {
        return lineBreaks;
    }

    /**
     * The first undecodable line from {@code first} to {@code last}, or -1; lines up to {@code last} are forgotten
     * (rows are asked about in file order).
     */
    public long firstUndecodable(long first, long last) {
        long found = -1;
        while (!undecodableLines.isEmpty() && undecodableLines.peekFirst() <= last) {
            long line = undecodableLines.pollFirst();
            if (found < 0 && line >= first) {
                found = line;
            }
        }
        return found;
    }

    /**
     * The part of the file up to the end of the given line, line break included; for a last line without one, up to
     * the end of the file. Earlier lines' ends are forgotten (rows are asked about in file order).
     */
    public FilePrefix through(long line) {
        return line > lineBreaks ? new FilePrefix(line, offset, crc.getValue()) : lineEnds.through(line);
    }

    private void skipByteOrderMark() throws IOException {
        while (!endOfInput && bytes.remaining() < 3) {
            fill();
        }
        if (bytes.remaining() >= 3 && bytes.get(0) == (byte) 0xEF && bytes.get(1) == (byte) 0xBB
                && bytes.get(2) == (byte) 0xBF) {
            bytes.position(3);
            count(3);
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        counted = 0;
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        while (read < 0 && growth.awaitMore(pulled)) {
            read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        }
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
            pulled += read;
        }
        bytes.flip();
    }

    /** Counts the buffer's bytes up to this index: line breaks, offset, CRC. */
    private void count(int upTo) {
        byte[] array = bytes.array();
        int from = counted;
        for (int i = counted; i < upTo; i++) {
            byte b = array[i];
            if (b == '\r' || b == '\n') {
                crc.update(array, from, i + 1 - from);
                offset += i + 1 - from;
                from = i + 1;
                if (b == '\n' && afterCr) {
                    lineEnds.extendLast(offset, crc.getValue()); // CR LF is one line break
                } else {
                    lineBreaks++;
                    lineEnds.add(offset, crc.getValue());
                }
            }
            afterCr = b == '\r';
        }
        crc.update(array, from, upTo - from);
        offset += upTo - from;
        counted = upTo;
    }

    private void noteUndecodable(long line) {
        if (undecodableLines.isEmpty() || undecodableLines.peekLast() != line) {
            undecodableLines.addLast(line);
        }
    }
}
