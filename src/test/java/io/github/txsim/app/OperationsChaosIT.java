package io.github.txsim.app;

import java.nio.file.Path;

import io.github.txsim.testing.ChaosAccounting;
import io.github.txsim.testing.KafkaChaosTarget;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisChaosTarget;
import io.github.txsim.testing.LocalKafka;
import io.github.txsim.testing.OperationsChaos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded schedules of what operations do to a running service ({@link OperationsChaos}): writers that pause, append
 * after closing or truncate, a FIFO named like a file, a read-only archive, the source folder deleted and created
 * again, kill -9 and restarts, a second instance; on Kinesis the endpoint gone and the stream deleted and created
 * again; on Kafka the broker killed and the topic deleted, created again by the producer (a broker with
 * auto.create.topics.enable) or by hand. After each: every line of every file acknowledged or named, no file vanished,
 * duplicates within the bound ({@link ChaosAccounting}). Each schedule performs every action of its destination once,
 * then some at random; longer runs, more seeds, are the benchmark's {@code chaos} case.
 */
class OperationsChaosIT {

    private static final int STEPS = 12;

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @RegisterExtension
    static final LocalKafka KAFKA_CREATING_TOPICS = new LocalKafka(true);

    @RegisterExtension
    static final LocalKafka KAFKA = new LocalKafka(false);

    @TempDir
    Path data;

    @Test
    void aScheduleOfOperationsOnKinesisLosesNoLineAndNoFile() throws Exception {
        ChaosAccounting.Result result = new OperationsChaos(new KinesisChaosTarget(KINESIS), data, 20261204)
                .run(STEPS);
        System.out.println("Operations chaos, " + result.summary());
    }

    @Test
    void aScheduleOfOperationsOnKafkaWhoseBrokerCreatesTopicsLosesNoLineAndNoFile() throws Exception {
        ChaosAccounting.Result result = new OperationsChaos(new KafkaChaosTarget(KAFKA_CREATING_TOPICS, true), data,
                20261206).run(STEPS);
        System.out.println("Operations chaos, " + result.summary());
    }

    @Test
    void aScheduleOfOperationsOnKafkaWhoseBrokerCreatesNoTopicLosesNoLineAndNoFile() throws Exception {
        ChaosAccounting.Result result = new OperationsChaos(new KafkaChaosTarget(KAFKA, false), data, 20261207)
                .run(STEPS);
        System.out.println("Operations chaos, " + result.summary());
    }
}
