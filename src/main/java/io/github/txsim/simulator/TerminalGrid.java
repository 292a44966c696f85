package io.github.txsim.simulator;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A spatial index over the terminals: the 100x100 square cut into square cells half as wide as the radius, so the
 * terminals within the radius of a point lie in a block of about 5x5 cells. Terminals are stored cell by cell in one
 * flat array (a counting sort), which keeps a look-up to a few contiguous scans instead of a pass over every terminal.
 * A terminal's coordinates and id lie side by side, so that looking at one terminal costs one cache miss: 24 bytes a
 * terminal in all.
 */
public final class TerminalGrid {

    private static final double SIDE = 100.0;
    private static final int CELLS_PER_RADIUS = 2;
    private static final int MAX_REJECTIONS = 64;
    /** x, y and id of the terminal in slot i at 3i, 3i + 1 and 3i + 2. */
    private static final int STRIDE = 3;

    private final double radius;
    private final double radiusSquared;
    private final int cellsPerSide;
    private final double cellSize;
    /** cellStart[c] .. cellStart[c + 1] - 1 are the slots of the terminals of cell c. */
    private final int[] cellStart;
    private final double[] slots;

    public TerminalGrid(List<TerminalProfile> terminals, double radius) {
        this.radius = radius;
        this.radiusSquared = radius * radius;
        int n = terminals.size();
        // cells half the radius wide, but not many more cells than terminals (a tiny radius)
        int wanted = (int) Math.min(Math.ceil(SIDE * CELLS_PER_RADIUS / radius), 2 * Math.ceil(Math.sqrt(n)) + 1);
        this.cellsPerSide = Math.max(1, wanted);
        this.cellSize = SIDE / cellsPerSide;
        int cells = cellsPerSide * cellsPerSide;
        this.cellStart = new int[cells + 1];
        this.slots = new double[STRIDE * n];

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
            slots[STRIDE * slot] = t.x();
            slots[STRIDE * slot + 1] = t.y();
            slots[STRIDE * slot + 2] = t.id();
        }
    }

    /** How many terminals there are in all; a buffer of this size holds any look-up's result. */
    public int size() {
        return slots.length / STRIDE;
    }

    /**
     * Writes the ids of the terminals at a distance strictly below the radius from (x, y) into {@code out}, in a fixed
     * order (cell by cell), and returns how many there are.
     */
    public int within(double x, double y, int[] out) {
        int count = 0;
        Block block = block(x, y);
        for (int row = block.rowFrom; row <= block.rowTo; row++) {
            for (int slot = cellStart[cell(block.colFrom, row)], end = cellStart[cell(block.colTo, row) + 1];
                    slot < end; slot++) {
                if (isWithin(slot, x, y)) {
                    out[count++] = id(slot);
                }
            }
        }
        return count;
    }

    /**
     * Whether any terminal lies at a distance strictly below the radius from (x, y). A terminal in the point's own cell
     * does whenever a cell's diagonal is shorter than the radius (cells half the radius wide), which answers at once
     * where terminals are dense; otherwise the cells around are scanned up to the first one within.
     */
    public boolean hasWithin(double x, double y) {
        int own = cell(column(x), column(y));
        if (cellSize * Math.sqrt(2) < radius && cellStart[own + 1] > cellStart[own]) {
            return true;
        }
        Block block = block(x, y);
        for (int row = block.rowFrom; row <= block.rowTo; row++) {
            for (int slot = cellStart[cell(block.colFrom, row)], end = cellStart[cell(block.colTo, row) + 1];
                    slot < end; slot++) {
                if (isWithin(slot, x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Draws one terminal uniformly among those at a distance strictly below the radius from (x, y), or returns -1 when
     * there is none.
     * <p>
     * Rejection sampling: a terminal drawn uniformly from the cells around the point is kept when it lies within the
     * radius, which makes the kept one uniform among those within the radius (about half of the draws are kept).
     * This costs a few draws per transaction instead of a scan of thousands of terminals. After
     * {@value #MAX_REJECTIONS} rejections (a point with few or no terminals near it) an exact count decides, which is
     * uniform too.
     */
    public int pick(double x, double y, UniformRandomProvider rng) {
        Block block = block(x, y);
        int candidates = block.size();
        if (candidates == 0) {
            return -1;
        }
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            int slot = block.slot(rng.nextInt(candidates));
            if (isWithin(slot, x, y)) {
                return id(slot);
            }
        }
        int count = 0;
        for (int k = 0; k < candidates; k++) {
            count += isWithin(block.slot(k), x, y) ? 1 : 0;
        }
        if (count == 0) {
            return -1;
        }
        for (int k = 0, wanted = rng.nextInt(count); ; k++) {
            int slot = block.slot(k);
            if (isWithin(slot, x, y) && wanted-- == 0) {
                return id(slot);
            }
        }
    }

    private boolean isWithin(int slot, double x, double y) {
        double dx = slots[STRIDE * slot] - x;
        double dy = slots[STRIDE * slot + 1] - y;
        return dx * dx + dy * dy < radiusSquared;
    }

    private int id(int slot) {
        return (int) slots[STRIDE * slot + 2];
    }

    private Block block(double x, double y) {
        return new Block(column(x - radius), column(x + radius), column(y - radius), column(y + radius));
    }

    /** The cells that a circle of the radius around a point can reach, each row of them contiguous in the slots. */
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

        /** The slot of the k-th terminal of the block, counting row by row. */
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
