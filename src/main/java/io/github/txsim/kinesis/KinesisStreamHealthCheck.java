package io.github.txsim.kinesis;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the Kinesis stream is reachable and accepts records (ACTIVE or UPDATING), and publishing is not waiting
 * for it ({@link StreamOutage}). Not a liveness check: an unreachable stream is a reason to wait, not to restart the
 * application.
 */
public final class KinesisStreamHealthCheck extends AbstractHealthCheck {

    private final KinesisStream stream;
    private final StreamOutage outage;

    public KinesisStreamHealthCheck(KinesisStream stream, StreamOutage outage) {
        super("txsim", "kinesis-stream");
        this.stream = stream;
        this.outage = outage;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("stream", stream.name());
        Instant waitingSince = outage.since();
        if (waitingSince != null) {
            builder.detail("waitingSince", waitingSince.toString());
            builder.message("publishing waits for the stream since " + waitingSince + ": " + outage.reason()).down();
            return;
        }
        try {
            String status = stream.status();
            builder.detail("status", status);
            if (KinesisStream.acceptsRecords(status)) {
                builder.up();
            } else {
                builder.message("stream " + stream.name() + " is " + status).down();
            }
        } catch (RuntimeException e) {
            builder.message("stream " + stream.name() + " cannot be reached: " + e.getMessage()).error(e).down();
        }
    }
}
