package io.github.txsim.simulator;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalGridTest {

    private static final SimulatorSettings SETTINGS = new SimulatorSettings(10, 5_000, 5, 11, LocalDate.of(2018, 4, 1));

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
    void aRadiusAsWideAsTheGridSeesEveryTerminalFromTheCentre() {
        List<TerminalProfile> terminals = Population.generate(SETTINGS).terminals();
        TerminalGrid grid = new TerminalGrid(terminals, 100);
        assertEquals(terminals.size(), grid.within(50, 50, new int[grid.size()]));
    }
}
