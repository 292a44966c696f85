package io.github.txsim.testing;

import java.util.List;
import java.util.Map;

/**
 * Where an {@link OperationsChaos} schedule's service publishes, and what operations do to it: a Kinesis stream of a
 * kinesalite behind the fault proxy, or a Kafka topic of a local broker.
 */
public interface ChaosTarget extends AutoCloseable {

    /** For the summary: {@code kinesis}, {@code kafka (auto-create on)}. */
    String name();

    /** Creates the stream or topic. */
    void open() throws Exception;

    /** The settings that send an instance's records there. */
    Map<String, String> instanceSettings();

    /** A line an instance logs once it found the destination and is about to publish. */
    String readyLine();

    /** The actions this destination adds to the schedule (an outage, the stream or topic deleted). */
    List<OperationsChaos.Action> actions();

    /**
     * Performs one of its actions against the running instance, telling the accounting what the destination held before
     * it went and how many disruptions it was.
     */
    void perform(OperationsChaos.Action action, ApplicationProcess instance, ChaosAccounting accounting,
            OperationsChaos.Pauses pauses) throws Exception;

    /** The data of every record the destination holds now, one JSON transaction each. */
    List<String> records() throws Exception;
}
