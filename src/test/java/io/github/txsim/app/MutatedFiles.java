package io.github.txsim.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.testing.LineAccounting;
import io.github.txsim.testing.Mutants;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken copies of a valid file (see {@link Mutants}), published one after the other through the real routes: for
 * each, every line is accounted for exactly once ({@link LineAccounting}). The subclasses choose the stream.
 */
@CamelMainTest(configurationClasses = TransactionStreamConfiguration.class,
        propertyPlaceholderLocations = "file:application.properties")
abstract class MutatedFiles {

    static final int MUTANTS = 300;
    private static final long SEED = 20261128L;
    private static final int ROWS = 120;

    @TempDir
    Path data;

    /** The records (JSON) that reached the stream so far, in the order they arrived. */
    abstract List<String> recordsSoFar() throws Exception;

    /** The mutants, the same in every run: broken copies of a valid 120-row file. */
    static List<byte[]> mutants() throws Exception {
        byte[] valid = (String.join("\n", TransactionFiles.lines(LocalDate.of(2026, 11, 28), ROWS)) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return Mutants.of(valid, MUTANTS, SEED);
    }

    /**
     * The settings both streams run the mutants with: small groups, two in flight, quick polls, and every file
     * published, even one with the same bytes as a mutant archived before it.
     */
    static TestApplication forMutants(TestApplication application) {
        return application.set("generator.enabled", "false")
                .set("publish.archivedCopies", "publish")
                .set("publish.groupSize", "50")
                .set("publish.maxInFlight", "2")
                .set("publish.pollDelay", "10ms");
    }

    /** Publishes the chosen mutants one at a time and checks each; returns what became of them. */
    List<LineAccounting.Outcome> publishEach(List<Integer> which) throws Exception {
        List<byte[]> mutants = mutants();
        List<LineAccounting.Outcome> outcomes = new ArrayList<>();
        for (int i : which) {
            String name = String.format("mutant-%03d.csv", i);
            int before = recordsSoFar().size();
            TransactionFiles.write(data.resolve("source"), name, mutants.get(i));
            LineAccounting.awaitDone(data, name, Duration.ofSeconds(30));
            List<String> all = recordsSoFar();
            outcomes.add(LineAccounting.assertAccounted(name, mutants.get(i), all.subList(before, all.size()), data));
        }
        long archived = outcomes.stream().filter(LineAccounting.Outcome::archived).count();
        long published = outcomes.stream().mapToLong(LineAccounting.Outcome::published).sum();
        long rejected = outcomes.stream().mapToLong(o -> o.rejects().size()).sum();
        System.out.printf("%d mutants: %d archived, %d failed; %d rows published, %d rejected%n", outcomes.size(),
                archived, outcomes.size() - archived, published, rejected);
        assertTrue(published > outcomes.size() * ROWS / 2, "most rows of the mutants are still published: "
                + published);
        return outcomes;
    }
}
