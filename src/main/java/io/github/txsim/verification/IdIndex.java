package io.github.txsim.verification;

import java.util.Arrays;

/**
 * The transaction ids of one file, each numbered by its rank (0 .. size-1), in about 4 bytes an id: an id is split
 * into its high bits, shared by runs of consecutive ids, and its low 30 bits, kept as an int. Ids added in ascending
 * order (the generator's files are in id order) are indexed as they come; otherwise they are kept as longs until
 * {@link #seal()} sorts them (8 bytes an id meanwhile).
 * <p>
 * Written here because a compressed bitmap of the ids themselves does not compress them: ids are sparse (a second's
 * ids are spread over 10^9 values), so RoaringBitmap holds about one container per id. The bitmaps of which ranks were
 * found ({@link FileCheck}) are dense, and there RoaringBitmap serves.
 */
final class IdIndex {

    private static final int LOW_BITS = 30;
    private static final long LOW_MASK = (1L << LOW_BITS) - 1;
    private static final int BLOCK_BITS = 20;
    private static final int BLOCK = 1 << BLOCK_BITS;

    private long[] highs = new long[64];
    /** starts[k] is the rank of the first id whose high bits are highs[k]; starts[highCount] = size. */
    private int[] starts = new int[65];
    private int highCount;
    /** The low bits, in blocks of BLOCK ints: growing never copies (nor doubles) what is there. */
    private int[][] lows = new int[16][];
    private int size;
    private long last = Long.MIN_VALUE;
    private long[] unsorted;

    void add(long id) {
        if (unsorted == null && id <= last) {
            unsorted = new long[Math.max(16, size * 2)];
            for (int i = 0; i < size; i++) {
                unsorted[i] = idAt(i);
            }
        }
        if (unsorted != null) {
            if (size == unsorted.length) {
                unsorted = Arrays.copyOf(unsorted, size * 2);
            }
            unsorted[size++] = id;
            return;
        }
        append(id);
    }

    private void append(long id) {
        long high = id >>> LOW_BITS;
        if (highCount == 0 || highs[highCount - 1] != high) {
            if (highCount == highs.length) {
                highs = Arrays.copyOf(highs, highCount * 2);
                starts = Arrays.copyOf(starts, highCount * 2 + 1);
            }
            highs[highCount] = high;
            starts[highCount] = size;
            highCount++;
        }
        int block = size >>> BLOCK_BITS;
        if (block == lows.length) {
            lows = Arrays.copyOf(lows, block * 2);
        }
        if (lows[block] == null) {
            lows[block] = new int[BLOCK];
        }
        lows[block][size & (BLOCK - 1)] = (int) (id & LOW_MASK);
        size++;
        starts[highCount] = size;
        last = id;
    }

    /** Ends adding: sorts what came out of order (a repeated id is kept once). */
    void seal() {
        if (unsorted == null) {
            return;
        }
        long[] ids = Arrays.copyOf(unsorted, size);
        unsorted = null;
        Arrays.sort(ids);
        size = 0;
        highCount = 0;
        lows = new int[16][];
        last = Long.MIN_VALUE;
        for (long id : ids) {
            if (size == 0 || id != last) {
                append(id);
            }
        }
    }

    int size() {
        return size;
    }

    /** The rank of the id, or -1 when the file has no such id. */
    int rankOf(long id) {
        int k = Arrays.binarySearch(highs, 0, highCount, id >>> LOW_BITS);
        if (k < 0) {
            return -1;
        }
        int low = (int) (id & LOW_MASK);
        int from = starts[k];
        int to = starts[k + 1] - 1;
        while (from <= to) {
            int middle = (from + to) >>> 1;
            int value = low(middle);
            if (value < low) {
                from = middle + 1;
            } else if (value > low) {
                to = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    private int low(int rank) {
        return lows[rank >>> BLOCK_BITS][rank & (BLOCK - 1)];
    }

    private long idAt(int rank) {
        int k = Arrays.binarySearch(starts, 0, highCount, rank);
        if (k < 0) {
            k = -k - 2;
        }
        while (k + 1 < highCount && starts[k + 1] == rank) {
            k++;
        }
        return highs[k] << LOW_BITS | low(rank);
    }
}
