package io.github.txsim.simulator;

import java.util.List;

/**
 * A spatial index over the terminals: the 100x100 square cut into square cells as wide as the radius, so the
 * terminals within the radius of a point lie in at most 3x3 cells. Terminals are stored cell by cell in flat arrays
 * (a counting sort), which keeps a look-up to a few contiguous scans instead of a pass over every terminal.
 */
public final class TerminalGrid {

    private static final double SIDE = 100.0;

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
        int colFrom = column(x - radius);
        int colTo = column(x + radius);
        int rowFrom = column(y - radius);
        int rowTo = column(y + radius);
        for (int row = rowFrom; row <= rowTo; row++) {
            for (int col = colFrom; col <= colTo; col++) {
                int c = cell(col, row);
                for (int i = cellStart[c], end = cellStart[c + 1]; i < end; i++) {
                    double dx = xs[i] - x;
                    double dy = ys[i] - y;
                    if (dx * dx + dy * dy < radiusSquared) {
                        out[count++] = ids[i];
                    }
                }
            }
        }
        return count;
    }

    private int column(double coordinate) {
        int index = (int) Math.floor(coordinate / cellSize);
        return Math.min(cellsPerSide - 1, Math.max(0, index));
    }

    private int cell(int col, int row) {
        return row * cellsPerSide + col;
    }
}
