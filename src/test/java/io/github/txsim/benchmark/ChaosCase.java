package io.github.txsim.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.txsim.testing.ChaosAccounting;
import io.github.txsim.testing.ChaosTarget;
import io.github.txsim.testing.KafkaChaosTarget;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisChaosTarget;
import io.github.txsim.testing.LocalKafka;
import io.github.txsim.testing.OperationsChaos;

/**
 * The benchmark's {@code chaos} case: longer seeded operations-chaos schedules than the suite's
 * ({@code OperationsChaosIT}), each against a service process and a kinesalite behind the fault proxy, with the same
 * invariant checked after each ({@link ChaosAccounting}). A schedule that breaks it is a row that says so.
 */
final class ChaosCase {

    static final String NAME = "chaos";
    /** Schedules on Kinesis; then one on each kind of Kafka broker (creating topics its clients ask for, or not). */
    static final int KINESIS_SCHEDULES = 4;
    static final int STEPS = 25;
    private static final long FIRST_SEED = 20261301;

    private ChaosCase() {
    }

    static List<String> table(Set<String> cases) throws Exception {
        if (!cases.contains(NAME)) {
            return List.of();
        }
        List<String> table = new ArrayList<>();
        table.add("| Operations chaos: destination, seed | Files | Rows | Acknowledged | Named in .rejects/.report | Cut "
                + "off by their writer | Deleted with the source folder | Duplicates (bound) | Actions | Time (s) | "
                + "Every line accounted for, no file lost |");
        table.add("|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---|");
        Kinesalite kinesis = new Kinesalite();
        LocalKafka creatingTopics = new LocalKafka(true);
        LocalKafka kafka = new LocalKafka(false);
        kinesis.beforeAll(null);
        creatingTopics.beforeAll(null);
        kafka.beforeAll(null);
        try {
            long seed = FIRST_SEED;
            for (int schedule = 0; schedule < KINESIS_SCHEDULES; schedule++) {
                table.add(row(new KinesisChaosTarget(kinesis), seed++));
            }
            table.add(row(new KafkaChaosTarget(creatingTopics, true), seed++));
            table.add(row(new KafkaChaosTarget(kafka, false), seed));
        } finally {
            kafka.afterAll(null);
            creatingTopics.afterAll(null);
            kinesis.afterAll(null);
        }
        return table;
    }

    private static String row(ChaosTarget target, long seed) throws Exception {
        Path data = Files.createTempDirectory("txsim-chaos");
        try {
            ChaosAccounting.Result r = new OperationsChaos(target, data, seed).run(STEPS);
            System.out.println("Operations chaos, " + r.summary());
            return String.format("| %s, %d | %d | %,d | %,d | %,d | %,d | %,d | %,d (%,d) | %s; %d starts refused "
                    + "and tried again | %.0f | yes |", r.target(), seed, r.files(), r.rows(), r.acknowledged(),
                    r.named(), r.cutOff(), r.removed(), r.duplicates(), r.duplicateBound(), r.actions(),
                    r.refusedStarts(), r.took().toMillis() / 1000.0);
        } catch (AssertionError e) {
            String reason = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            System.out.println("Operations chaos, " + target.name() + ", seed " + seed + " FAILED: " + e.getMessage());
            return String.format("| %s, %d | | | | | | | | | | no: %s |", target.name(), seed,
                    reason.lines().findFirst().orElse("").replace("|", "/"));
        } finally {
            Folders.deleteTree(data);
        }
    }
}
