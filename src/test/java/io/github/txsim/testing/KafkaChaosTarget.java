package io.github.txsim.testing;

import java.util.List;
import java.util.Map;

/**
 * A Kafka topic of a local broker, for {@link OperationsChaos}: the broker killed and started again; the topic deleted
 * while the service publishes, then created again, by Kafka's producer itself on a broker that creates topics its
 * clients ask for, or by the operator on one that does not.
 */
public final class KafkaChaosTarget implements ChaosTarget {

    private static final String TOPIC = "chaos";

    private final LocalKafka kafka;
    private final boolean autoCreateTopics;

    /** @param autoCreateTopics whether the broker creates topics its clients ask for (the broker's own setting) */
    public KafkaChaosTarget(LocalKafka kafka, boolean autoCreateTopics) {
        this.kafka = kafka;
        this.autoCreateTopics = autoCreateTopics;
    }

    @Override
    public String name() {
        return "kafka (auto-create " + (autoCreateTopics ? "on" : "off") + ")";
    }

    @Override
    public void open() throws Exception {
        kafka.createTopic(TOPIC, 2);
    }

    @Override
    public Map<String, String> instanceSettings() {
        return Map.of("publish.sink", "kafka", "kafka.local.enabled", "false",
                "kafka.bootstrapServers", kafka.bootstrapServers(), "kafka.topic", TOPIC,
                "kafka.apiTimeout", "3s");
    }

    @Override
    public String readyLine() {
        return "Kafka topic '" + TOPIC + "' at ";
    }

    @Override
    public List<OperationsChaos.Action> actions() {
        return List.of(OperationsChaos.Action.BROKER_KILLED, OperationsChaos.Action.TOPIC_RECREATED);
    }

    @Override
    public void perform(OperationsChaos.Action action, ApplicationProcess instance, ChaosAccounting accounting,
            OperationsChaos.Pauses pauses) throws Exception {
        switch (action) {
            case BROKER_KILLED -> {
                kafka.kill();
                accounting.disrupted();
                pauses.pause(1_000, 4_000);
                kafka.restart();
            }
            case TOPIC_RECREATED -> {
                accounting.streamRecords(kafka.deleteUnder(instance, TOPIC).stream()
                        .map(LocalKafka.ReceivedRecord::value).toList());
                // sent again to the new topic, and twice in the new one: each within the groups in flight
                accounting.disrupted();
                accounting.disrupted();
                // the producer creates it again where the broker lets it, if a file is being published; otherwise
                // the operator does, a little later, as the application refuses to start without it
                pauses.pause(500, 2_500);
                kafka.createTopicIfMissing(TOPIC, 2);
            }
            default -> throw new IllegalArgumentException(action + " is not an action on Kafka");
        }
    }

    @Override
    public List<String> records() throws Exception {
        return kafka.hasTopic(TOPIC) ? kafka.readAll(TOPIC).stream().map(LocalKafka.ReceivedRecord::value).toList()
                : List.of();
    }

    @Override
    public void close() throws Exception {
        if (kafka.hasTopic(TOPIC)) {
            kafka.deleteTopic(TOPIC);
        }
    }
}
