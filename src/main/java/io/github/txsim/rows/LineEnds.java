package io.github.txsim.rows;

/**
 * The ends of the lines {@link SourceText} read but was not asked about yet (line firstLine onwards), as byte offsets
 * and CRC-32C values in a ring that grows as needed: a {@link FilePrefix} is made only for a line asked for.
 */
final class LineEnds {

    private long[] offsets = new long[256];
    private long[] crcs = new long[256];
    private int head;
    private int size;
    private long firstLine = 1;
    /** Where the line before firstLine ends (kept as numbers: a prefix is made only when asked for). */
    private long beforeFirstOffset;
    private long beforeFirstCrc;

    void add(long offset, long crc) {
        if (size == offsets.length) {
            grow();
        }
        int slot = (head + size) % offsets.length;
        offsets[slot] = offset;
        crcs[slot] = crc;
        size++;
    }

    /** The line that ended last ends later: its CR was followed by an LF. */
    void extendLast(long offset, long crc) {
        if (size > 0) {
            int slot = (head + size - 1) % offsets.length;
            offsets[slot] = offset;
            crcs[slot] = crc;
        }
    }

    /** The end of this line, which must have been read; the lines before it are forgotten. */
    FilePrefix through(long line) {
        if (line < firstLine) {
            return firstLine == 1 ? FilePrefix.EMPTY : new FilePrefix(firstLine - 1, beforeFirstOffset,
                    beforeFirstCrc);
        }
        while (firstLine < line) {
            beforeFirstOffset = offsets[head];
            beforeFirstCrc = crcs[head];
            head = (head + 1) % offsets.length;
            size--;
            firstLine++;
        }
        return new FilePrefix(line, offsets[head], crcs[head]);
    }

    private void grow() {
        long[] moreOffsets = new long[offsets.length * 2];
        long[] moreCrcs = new long[offsets.length * 2];
        for (int i = 0; i < size; i++) {
            moreOffsets[i] = offsets[(head + i) % offsets.length];
            moreCrcs[i] = crcs[(head + i) % offsets.length];
        }
        offsets = moreOffsets;
        crcs = moreCrcs;
        head = 0;
    }
}
