package io.github.txsim.files;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files whose publishing is over but that cannot be moved out of the source folder (the archive or failed folder
 * read-only, full, gone). Each stays in the source folder with its checkpoint, so that only the move is tried again
 * at the next poll: nothing is published twice. One ERROR line says so when a file gets stuck (again only when the
 * cause changes), one INFO line when it moves at last; meanwhile the health check is DOWN ({@link
 * DataFoldersHealthCheck}).
 */
public final class StuckFiles {

    private static final Logger LOG = LoggerFactory.getLogger(StuckFiles.class);

    private final Map<Path, Stuck> stuck = new ConcurrentHashMap<>();

    /** Why a file is stuck, since when, and how many moves failed. */
    record Stuck(Path folder, String cause, Instant since, int attempts) {
    }

    /** The file could not be moved into the folder. */
    void cannotMove(Path file, Path folder, String purpose, Exception error) {
        String cause = error.getClass().getSimpleName() + ": " + error.getMessage();
        Stuck earlier = stuck.get(file);
        if (earlier == null || !earlier.cause().equals(cause)) {
            LOG.error("Cannot move {} into the {} folder {}: {}. It stays in the source folder with its checkpoint, "
                    + "and the move is tried again at every poll without publishing anything again: make the folder "
                    + "writable (or free space on its disk)", file.getFileName(), purpose, folder, cause);
        } else {
            LOG.debug("Still cannot move {} into {}: {}", file.getFileName(), folder, cause);
        }
        stuck.put(file, new Stuck(folder, cause, earlier == null ? Instant.now() : earlier.since(),
                earlier == null ? 1 : earlier.attempts() + 1));
    }

    /** The file was moved: if it had been stuck, says so. */
    void moved(Path file, Path to) {
        Stuck was = stuck.remove(file);
        if (was != null) {
            LOG.info("Moved {} into {} at last, {} s after the first attempt", file.getFileName(), to.getParent(),
                    Duration.between(was.since(), Instant.now()).toSeconds());
        }
    }

    /** The files that cannot be moved, by path. */
    public Set<Path> files() {
        return Set.copyOf(stuck.keySet());
    }

    public boolean isStuck(Path file) {
        return stuck.containsKey(file);
    }

    Map<Path, Stuck> all() {
        return Map.copyOf(stuck);
    }
}
