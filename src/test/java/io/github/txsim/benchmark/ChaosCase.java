package io.github.txsim.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.txsim.testing.ChaosAccounting;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.OperationsChaos;

/**
 * The benchmark's {@code chaos} case: longer seeded operations-chaos schedules than the suite's
 * ({@code OperationsChaosIT}), each against a service process and a kinesalite behind the fault proxy, with the same
 * invariant checked after each ({@link ChaosAccounting}). A schedule that breaks it is a row that says so.
 */
final class ChaosCase {

    static final String NAME = "chaos";
    static final int SCHEDULES = 6;
    static final int STEPS = 25;
    private static final long FIRST_SEED = 20261301;

    private ChaosCase() {
    }

    static List<String> table(Set<String> cases) throws Exception {
        if (!cases.contains(NAME)) {
            return List.of();
        }
        List<String> table = new ArrayList<>();
        table.add("| Operations chaos: seed | Files | Rows | Acknowledged | Named in .rejects/.report | Cut off by their "
                + "writer | Duplicates (bound) | Actions | Time (s) | Every line accounted for, no file lost |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---|---:|---|");
        Kinesalite kinesis = new Kinesalite();
        kinesis.beforeAll(null);
        try {
            for (long seed = FIRST_SEED; seed < FIRST_SEED + SCHEDULES; seed++) {
                Path data = Files.createTempDirectory("txsim-chaos");
                try {
                    ChaosAccounting.Result r = new OperationsChaos(kinesis, data, seed).run(STEPS);
                    System.out.println("Operations chaos, " + r.summary());
                    table.add(String.format("| %d | %d | %,d | %,d | %,d | %,d | %,d (%,d) | %s; %d starts refused and "
                            + "tried again | %.0f | yes |", seed, r.files(), r.rows(), r.acknowledged(), r.named(),
                            r.cutOff(), r.duplicates(), r.duplicateBound(), r.actions(), r.refusedStarts(),
                            r.took().toMillis() / 1000.0));
                } catch (AssertionError e) {
                    String reason = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                    System.out.println("Operations chaos, seed " + seed + " FAILED: " + e.getMessage());
                    table.add(String.format("| %d | | | | | | | | | no: %s |", seed,
                            reason.lines().findFirst().orElse("").replace("|", "/")));
                } finally {
                    Folders.deleteTree(data);
                }
            }
        } finally {
            kinesis.afterAll(null);
        }
        return table;
    }
}
