package io.github.txsim.app;

import java.nio.file.Path;

import io.github.txsim.testing.ChaosAccounting;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.OperationsChaos;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded schedules of what operations do to a running service ({@link OperationsChaos}): writers that pause, append
 * after closing or truncate, a read-only archive, kill -9 and restarts, a second instance, the endpoint gone, the
 * stream deleted and created again. After each: every line of every file acknowledged or named, no file vanished,
 * duplicates within the bound ({@link ChaosAccounting}). A longer run is the benchmark's {@code chaos} case.
 */
class OperationsChaosIT {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261204, 20261205})
    void aScheduleOfOperationsLosesNoLineAndNoFile(long seed) throws Exception {
        ChaosAccounting.Result result = new OperationsChaos(KINESIS, data, seed).run(12);
        System.out.println("Operations chaos, " + result.summary());
    }
}
