package io.github.txsim.publish;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the destination is reachable and takes records (a Kinesis stream ACTIVE or UPDATING, a Kafka topic that
 * its cluster answers for), and nothing waits for it ({@link Waiting}: publishing, the label events). Not a liveness
 * check: an unreachable destination is a reason to wait, not to restart the application.
 */
public final class DestinationHealthCheck extends AbstractHealthCheck {

    /** A look at the destination: adds its details and says up or down; may throw when it cannot be reached. */
    public interface Look {
        void look(HealthCheckResultBuilder builder) throws Exception;
    }

    private final Sink sink;
    private final Waiting waiting;
    private final Look look;

    /**
     * @param id     the check's id in /observe/health, such as {@code kinesis-stream}
     * @param waiting what waits for the destination while it is out of reach ({@link Outage}, the label publisher)
     */
    public DestinationHealthCheck(String id, Sink sink, Waiting waiting, Look look) {
        super("txsim", id);
        this.sink = sink;
        this.waiting = waiting;
        this.look = look;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Instant waitingSince = waiting.since();
        if (waitingSince != null) {
            builder.detail("waitingSince", waitingSince.toString());
            builder.message("publishing waits for " + sink.destination() + " since " + waitingSince + ": "
                    + waiting.reason()).down();
            return;
        }
        try {
            look.look(builder);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down();
        } catch (Exception e) {
            builder.message(sink.destination() + " cannot be reached: " + e.getMessage()).error(e).down();
        }
    }
}
