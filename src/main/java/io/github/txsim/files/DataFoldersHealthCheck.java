package io.github.txsim.files;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of the data folders: DOWN while the source folder is gone ({@link SourceFolderWatch}), and while a file
 * published whole cannot be moved out of the source folder ({@link StuckFiles}), naming each file, its folder and the
 * cause. Not a liveness check: a restart would not bring the folder back or make it writable.
 */
public final class DataFoldersHealthCheck extends AbstractHealthCheck {

    private final StuckFiles stuck;
    private final SourceFolderWatch sourceFolder;

    public DataFoldersHealthCheck(StuckFiles stuck, SourceFolderWatch sourceFolder) {
        super("txsim", "data-folders");
        this.stuck = stuck;
        this.sourceFolder = sourceFolder;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> problems = new ArrayList<>();
        Instant goneSince = sourceFolder.goneSince();
        if (goneSince != null) {
            builder.detail("sourceFolderGoneSince", goneSince.toString());
            problems.add("the source folder " + sourceFolder.folder() + " is gone since " + goneSince);
        }
        Map<Path, StuckFiles.Stuck> all = stuck.all();
        if (!all.isEmpty()) {
            builder.detail("stuckFiles", all.size());
            builder.detail("failedMoves", all.values().stream().mapToInt(StuckFiles.Stuck::attempts).sum());
            all.forEach((file, why) -> problems.add(String.format("cannot move %s into %s: %s", file.getFileName(),
                    why.folder(), why.cause())));
        }
        if (problems.isEmpty()) {
            builder.up();
        } else {
            builder.message(String.join("; ", problems)).down();
        }
    }
}
