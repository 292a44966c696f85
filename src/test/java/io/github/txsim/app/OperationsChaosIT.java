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
 * duplicates within the bound ({@link ChaosAccounting}). The Kinesis schedule performs every action once; the Kafka
 * schedules the broker's and the topic's, then a few of the others (the suite's time is bounded); the benchmark's
 * {@code chaos} case runs every action on every destination, with longer schedules and more seeds.
 */
class OperationsChaosIT {

    private static final int STEPS = 12;
    /** The two Kafka actions and three others of the seed's drawing. */
    private static final int KAFKA_STEPS = 5;

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
                20261206).run(KAFKA_STEPS, true);
        System.out.println("Operations chaos, " + result.summary());
    }

    @Test
    void aScheduleOfOperationsOnKafkaWhoseBrokerCreatesNoTopicLosesNoLineAndNoFile() throws Exception {
        ChaosAccounting.Result result = new OperationsChaos(new KafkaChaosTarget(KAFKA, false), data, 20261207)
                .run(KAFKA_STEPS, true);
        System.out.println("Operations chaos, " + result.summary());
    }
}
