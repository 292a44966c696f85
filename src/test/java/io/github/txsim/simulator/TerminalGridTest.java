package io.github.txsim.simulator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalGridTest {

    private static final SimulatorSettings SETTINGS = new SimulatorSettings(10, 5_000, 5, 11, LocalDate.of(2018, 4, 1));

    @Test
    void saysWhetherAnyTerminalIsWithinTheRadiusOnDenseAndSparseGrids() {
        SplittableRandom random = new SplittableRandom(5);
        for (double[] grid : new double[][] {{100_000, 5}, {5_000, 5}, {300, 2}, {20, 3}, {3, 0.5}}) {
            SimulatorSettings settings = new SimulatorSettings(10, (int) grid[0], grid[1], 12, LocalDate.of(2018, 4, 1));
            TerminalGrid terminals = Population.generate(settings).grid();
            int[] found = new int[terminals.size()];
            for (int i = 0; i < 2_000; i++) {
                double x = random.nextDouble(0, 100);
                double y = random.nextDouble(0, 100);
                assertEquals(terminals.within(x, y, found) > 0, terminals.hasWithin(x, y),
                        grid[0] + " terminals, radius " + grid[1] + ", point " + x + ", " + y);
            }
        }
    }

    @Test
    void findsExactlyTheTerminalsCloserThanTheRadiusAnywhereOnTheGrid() {
        List<TerminalProfile> terminals = Population.generate(SETTINGS).terminals();
        TerminalGrid grid = new TerminalGrid(terminals, SETTINGS.radius());
        int[] found = new int[grid.size()];
        SplittableRandom random = new SplittableRandom(3);
        double[][] points = new double[500][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {random.nextDouble(0, 100), random.nextDouble(0, 100)};
        }
        points[0] = new double[] {0, 0};
        points[1] = new double[] {100, 100};
        points[2] = new double[] {99.999, 0.001};
        for (double[] point : points) {
            int count = grid.within(point[0], point[1], found);
            int[] expected = terminals.stream()
                    .filter(t -> Math.hypot(t.x() - point[0], t.y() - point[1]) < SETTINGS.radius())
                    .mapToInt(TerminalProfile::id).sorted().toArray();
            int[] actual = Arrays.copyOf(found, count);
            Arrays.sort(actual);
            assertArrayEquals(expected, actual, "terminals near " + Arrays.toString(point));
        }
    }

    @Test
    void pickDrawsUniformlyAmongTheTerminalsWithinTheRadius() {
        List<TerminalProfile> terminals = Population.generate(SETTINGS).terminals();
        TerminalGrid grid = new TerminalGrid(terminals, SETTINGS.radius());
        int[] scratch = new int[grid.size()];
        int near = grid.within(12.3, 98.7, scratch);
        Map<Integer, Integer> picks = new HashMap<>();
        UniformRandomProvider rng = new SplitMix64(5);
        int draws = 200 * near;
        for (int i = 0; i < draws; i++) {
            picks.merge(grid.pick(12.3, 98.7, rng), 1, Integer::sum);
        }
        Set<Integer> within = new HashSet<>();
        for (int i = 0; i < near; i++) {
            within.add(scratch[i]);
        }
        assertEquals(within, picks.keySet(), "every terminal within the radius is picked, and no other");
        for (int count : picks.values()) {
            assertEquals(200, count, 60, "picks of one terminal in " + draws);
        }
    }

    @Test
    void pickAnswersNoneWhereNoTerminalIsWithinTheRadius() {
        TerminalGrid grid = new TerminalGrid(List.of(new TerminalProfile(0, 90, 90)), 5);
        assertEquals(-1, grid.pick(10, 10, new SplitMix64(1)));
        assertEquals(-1, grid.pick(86, 86, new SplitMix64(1)), "in the cells around, beyond the radius");
        assertEquals(0, grid.pick(88, 88, new SplitMix64(1)));
    }

    @Test
    void aRadiusAsWideAsTheGridSeesEveryTerminalFromTheCentre() {
        List<TerminalProfile> terminals = Population.generate(SETTINGS).terminals();
        TerminalGrid grid = new TerminalGrid(terminals, 100);
        assertEquals(terminals.size(), grid.within(50, 50, new int[grid.size()]));
    }
}
