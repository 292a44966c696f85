package io.github.txsim.kinesis;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the Kinesis stream is reachable and accepts records (ACTIVE or UPDATING). Not a liveness check: an
 * unreachable stream is a reason to wait, not to restart the application.
 */
public final class KinesisStreamHealthCheck extends AbstractHealthCheck {

    private final KinesisStream stream;

    public KinesisStreamHealthCheck(KinesisStream stream) {
        super("txsim", "kinesis-stream");
        this.stream = stream;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("stream", stream.name());
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
