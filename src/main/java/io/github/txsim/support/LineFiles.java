package io.github.txsim.support;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * Files of lines appended by this application and read back after a crash: a line is whole only once its newline is
 * written, so a file cut short by kill -9 is cut back to its last whole line before more is appended, and an append
 * that fails leaves no half line behind.
 */
public final class LineFiles {

    private static final byte NEWLINE = '\n';

    private LineFiles() {
    }

    /**
     * Appends each line and its newline at the end of the file, and forces them to disk.
     *
     * @throws IOException when they could not be written; the file is then as it was
     */
    public static void append(FileChannel channel, List<byte[]> lines) throws IOException {
        append(channel, lines, true);
    }

    /**
     * Appends each line and its newline at the end of the file; written, they survive the process (kill -9), and
     * forced ({@code force}) the machine too.
     *
     * @throws IOException when they could not be written; the file is then as it was
     */
    public static void append(FileChannel channel, List<byte[]> lines, boolean force) throws IOException {
        long start = channel.size();
        int bytes = 0;
        for (byte[] data : lines) {
            bytes = Math.addExact(bytes, data.length + 1);
        }
        // the lines in one buffer, one write: a group's records in one system call, not one each
        ByteBuffer all = ByteBuffer.allocate(bytes);
        for (byte[] data : lines) {
            all.put(data).put(NEWLINE);
        }
        all.flip();
        try {
            channel.position(start);
            while (all.hasRemaining()) {
                channel.write(all);
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            channel.truncate(start); // no half line left for the next append to follow
            throw e;
        }
    }

    /** Cuts the file back to the end of its last whole line (to nothing when it has none). */
    public static void cutToLastLine(FileChannel channel) throws IOException {
        long end = channel.size();
        ByteBuffer last = ByteBuffer.allocate(1);
        if (end == 0 || channel.read(last, end - 1) == 1 && last.get(0) == NEWLINE) {
            return; // as nearly always: the file ends with a whole line
        }
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        while (end > 0) {
            long from = Math.max(0, end - chunk.capacity());
            chunk.clear().limit((int) (end - from));
            while (chunk.hasRemaining() && channel.read(chunk, from + chunk.position()) >= 0) {
                // a read may return fewer bytes than asked for
            }
            for (int i = chunk.position() - 1; i >= 0; i--) {
                if (chunk.get(i) == NEWLINE) {
                    channel.truncate(from + i + 1);
                    return;
                }
            }
            end = from;
        }
        channel.truncate(0);
    }
}
