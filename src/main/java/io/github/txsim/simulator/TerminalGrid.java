package io.github.txsim.simulator;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A spatial index over the terminals: the 100x100 square cut into square cells as wide as the radius, so the
 * terminals within the radius of a point lie in at most 3x3 cells. Terminals are stored cell by cell in flat arrays
 * (a counting sort), which keeps a look-up to a few contiguous scans instead of a pass over every terminal.
 */
public final class TerminalGrid {

    private static final double SIDE = 100.0;
    private static final int MAX_REJECTIONS = 64;

    private final double radius;
    private final double radiusSquared;
    private final int cellsPerSide;
    private final double cellSize;
    /** cellStart[c] .. cellStart[c + 1] - 1 index the terminals of cell c in the arrays below. */
    private final int[] cellStart;
    private final int[] ids;
    private final double[] xs;
    private final double[] ys;

    public TerminalGrid(List<TerminalProfile> terminals, double radius) {
        this.radius = radius;
        this.radiusSquared = radius * radius;
        this.cellsPerSide = Math.max(1, (int) Math.ceil(SIDE / radius));
        this.cellSize = SIDE / cellsPerSide;
        int cells = cellsPerSide * cellsPerSide;
        this.cellStart = new int[cells + 1];
        int n = terminals.size();
        this.ids = new int[n];
        this.xs = new double[n];
        this.ys = new double[n];

        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            TerminalProfile t = terminals.get(i);
            cellOf[i] = cell(column(t.x()), column(t.y()));
            cellStart[cellOf[i] + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int[] next = cellStart.clone();
        for (int i = 0; i < n; i++) {
            TerminalProfile t = terminals.get(i);
            int slot = next[cellOf[i]]++;
            ids[slot] = t.id();
            xs[slot] = t.x();
            ys[slot] = t.y();
        }
    }

    /** How many terminals there are in all; a buffer of this size holds any look-up's result. */
    public int size() {
        return ids.length;
    }

    /**
     * Writes the ids of the terminals at a distance strictly below the radius from (x, y) into {@code out}, in a fixed
     * order (cell by cell), and returns how many there are.
     */
    public int within(double x, double y, int[] out) {
        int count = 0;
        Block block = block(x, y);
        for (int row = block.rowFrom; row <= block.rowTo; row++) {
            for (int col = block.colFrom; col <= block.colTo; col++) {
                int c = cell(col, row);
                for (int i = cellStart[c], end = cellStart[c + 1]; i < end; i++) {
                    if (isWithin(i, x, y)) {
                        out[count++] = ids[i];
                    }
                }
            }
        }
        return count;
    }

    /**
     * Draws one terminal uniformly among those at a distance strictly below the radius from (x, y), or returns -1 when
     * there is none.
     * <p>
     * Rejection sampling: a terminal drawn uniformly from the cells around the point is kept when it lies within the
     * radius, which makes the kept one uniform among those within the radius (about a third of the draws are kept).
     * This costs a few draws per transaction instead of a scan of some 2,000 terminals. After
     * {@value #MAX_REJECTIONS} rejections (a point with few or no terminals near it) an exact scan decides, which is
     * uniform too.
     */
    public int pick(double x, double y, UniformRandomProvider rng, int[] scratch) {
        Block block = block(x, y);
        int candidates = block.size();
        if (candidates == 0) {
            return -1;
        }
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            int i = block.slot(rng.nextInt(candidates));
            if (isWithin(i, x, y)) {
                return ids[i];
            }
        }
        int count = within(x, y, scratch);
        return count == 0 ? -1 : scratch[rng.nextInt(count)];
    }

    private boolean isWithin(int slot, double x, double y) {
        double dx = xs[slot] - x;
        double dy = ys[slot] - y;
        return dx * dx + dy * dy < radiusSquared;
    }

    private Block block(double x, double y) {
        return new Block(column(x - radius), column(x + radius), column(y - radius), column(y + radius));
    }

    /** The cells that a circle of the radius around a point can reach: at most 3x3, each row contiguous. */
    private final class Block {
        final int colFrom;
        final int colTo;
        final int rowFrom;
        final int rowTo;

        Block(int colFrom, int colTo, int rowFrom, int rowTo) {
            this.colFrom = colFrom;
            this.colTo = colTo;
            this.rowFrom = rowFrom;
            this.rowTo = rowTo;
        }

        int size() {
            int size = 0;
            for (int row = rowFrom; row <= rowTo; row++) {
                size += cellStart[cell(colTo, row) + 1] - cellStart[cell(colFrom, row)];
            }
            return size;
        }

        /** The storage slot of the k-th terminal of the block, counting row by row. */
        int slot(int k) {
            for (int row = rowFrom; ; row++) {
                int from = cellStart[cell(colFrom, row)];
                int inRow = cellStart[cell(colTo, row) + 1] - from;
                if (k < inRow) {
                    return from + k;
                }
                k -= inRow;
            }
        }
    }

    private int column(double coordinate) {
        int index = (int) Math.floor(coordinate / cellSize);
        return Math.min(cellsPerSide - 1, Math.max(0, index));
    }

    private int cell(int col, int row) {
        return row * cellsPerSide + col;
    }
}
