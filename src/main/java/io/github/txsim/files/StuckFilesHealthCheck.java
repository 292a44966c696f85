package io.github.txsim.files;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: DOWN while a file published whole cannot be moved out of the source folder ({@link StuckFiles}), naming
 * each file, its folder and the cause. Not a liveness check: a restart would not make the folder writable.
 */
public final class StuckFilesHealthCheck extends AbstractHealthCheck {

    private final StuckFiles stuck;

    public StuckFilesHealthCheck(StuckFiles stuck) {
        super("txsim", "data-folders");
        this.stuck = stuck;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Map<Path, StuckFiles.Stuck> all = stuck.all();
        if (all.isEmpty()) {
            builder.up();
            return;
        }
        builder.detail("stuckFiles", all.size());
        builder.detail("failedMoves", all.values().stream().mapToInt(StuckFiles.Stuck::attempts).sum());
        builder.message(all.entrySet().stream().map(e -> String.format("cannot move %s into %s: %s",
                e.getKey().getFileName(), e.getValue().folder(), e.getValue().cause()))
                .collect(Collectors.joining("; "))).down();
    }
}
