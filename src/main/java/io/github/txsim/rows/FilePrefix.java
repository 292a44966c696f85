package io.github.txsim.rows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The first lines of a file, known by their length in bytes and their CRC-32C. A checkpoint holds the prefix that its
 * rows done end at: a file that still starts with it (the same file, or one fixed or completed after that point)
 * resumes after those rows; any other file with that name starts from its first row.
 *
 * @param lines  how many lines (the last one may lack its line break at the end of a file)
 * @param length their length in bytes, line breaks (and a byte order mark) included
 * @param crc    the CRC-32C of those bytes
 */
public record FilePrefix(long lines, long length, long crc) {

    /** The empty prefix, which every file has. */
    public static final FilePrefix EMPTY = new FilePrefix(0, 0, new CRC32C().getValue());

    /** Whether the file starts with this prefix. Reads the prefix's bytes. */
    public boolean isPrefixOf(Path file) throws IOException {
        if (Files.size(file) < length) {
            return false;
        }
        CRC32C sum = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return false;
                }
                sum.update(buffer, 0, n);
                left -= n;
            }
        }
        return sum.getValue() == crc;
    }
}
