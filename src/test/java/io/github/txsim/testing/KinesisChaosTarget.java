package io.github.txsim.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kinesis stream of a kinesalite, reached through the fault proxy (two shards limited as Kinesis limits them), for
 * {@link OperationsChaos}: the endpoint gone for a while; the stream deleted and created again.
 */
public final class KinesisChaosTarget implements ChaosTarget {

    private static final String STREAM = "chaos";

    private final Kinesalite kinesis;
    private KinesisFaultProxy proxy;

    public KinesisChaosTarget(Kinesalite kinesis) {
        this.kinesis = kinesis;
    }

    @Override
    public String name() {
        return "kinesis";
    }

    @Override
    public void open() throws Exception {
        kinesis.createStream(STREAM, 2);
        proxy = new KinesisFaultProxy(kinesis.endpoint(), kinesis.client()).limitShards(1_000, 1024 * 1024);
    }

    @Override
    public Map<String, String> instanceSettings() {
        Map<String, String> settings = new HashMap<>(kinesis.componentProperties());
        settings.put("kinesis.local.enabled", "false");
        settings.put("kinesis.streamName", STREAM);
        settings.put("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint());
        return settings;
    }

    @Override
    public String readyLine() {
        return "Kinesis stream '" + STREAM + "' is ";
    }

    @Override
    public List<OperationsChaos.Action> actions() {
        return List.of(OperationsChaos.Action.ENDPOINT_GONE, OperationsChaos.Action.STREAM_RECREATED);
    }

    @Override
    public void perform(OperationsChaos.Action action, ApplicationProcess instance, ChaosAccounting accounting,
            OperationsChaos.Pauses pauses) throws Exception {
        switch (action) {
            case ENDPOINT_GONE -> {
                proxy.goAway();
                accounting.disrupted();
                pauses.pause(1_000, 4_000);
                proxy.comeBack();
            }
            case STREAM_RECREATED -> {
                // no request reaches the stream while the records it holds are read, then it goes
                proxy.goAway();
                proxy.awaitIdle(Duration.ofSeconds(30));
                accounting.streamRecords(records());
                kinesis.deleteStream(STREAM);
                proxy.comeBack();
                accounting.disrupted();
                pauses.pause(500, 2_500);
                kinesis.createStream(STREAM, 2);
            }
            default -> throw new IllegalArgumentException(action + " is not an action on Kinesis");
        }
    }

    @Override
    public List<String> records() {
        return kinesis.dataOf(STREAM);
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
        kinesis.deleteStream(STREAM);
    }
}
