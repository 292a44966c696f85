package io.github.txsim.files;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before every poll of the source folder (the file consumer's {@code pollStrategy}), whether the folder is still the
 * one this instance locked ({@link SourceFolderLock}). Camel's file consumer finds nothing in a folder that is gone and
 * says nothing; a folder created again has lost its lock, and a second instance could take it and publish the same
 * files. So:
 * <ul>
 * <li>the folder gone (deleted, moved, unmounted): one WARN, no polls, readiness DOWN ({@link DataFoldersHealthCheck});
 * a run-once run ends with exit status 1;</li>
 * <li>the folder there again, or created again between two polls: the lock is taken again on its new lock file, one
 * WARN (files that were in it went with it), and polling goes on;</li>
 * <li>another instance took the new folder first: one ERROR, and this instance stops with exit status 1, leaving the
 * folder to the other.</li>
 * </ul>
 * A file being published when its folder goes is read on from its open handle; it ends as a file removed while being
 * read.
 */
public final class SourceFolderWatch extends DefaultPollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SourceFolderWatch.class);

    private final SourceFolderLock lock;
    private final boolean runOnce;
    private final Runnable stopApplication;
    private volatile Instant goneSince;
    private volatile boolean gaveUp;

    /**
     * @param runOnce         whether the run ends when the folder is gone (a service waits for it)
     * @param stopApplication stops the application (from another thread: the caller is the consumer's)
     */
    public SourceFolderWatch(SourceFolderLock lock, boolean runOnce, Runnable stopApplication) {
        this.lock = lock;
        this.runOnce = runOnce;
        this.stopApplication = stopApplication;
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        if (gaveUp) {
            return false;
        }
        return switch (lock.state()) {
            case HELD -> held();
            case FOLDER_GONE -> gone();
            case FOLDER_REPLACED -> back();
        };
    }

    public Path folder() {
        return lock.folder();
    }

    /** Since when the source folder is gone, or null while it is there. */
    public Instant goneSince() {
        return goneSince;
    }

    /** Whether the application stopped because the folder went, or another instance took it. */
    public boolean gaveUp() {
        return gaveUp;
    }

    private boolean gone() {
        if (goneSince == null) {
            goneSince = Instant.now();
            if (runOnce) {
                giveUp(String.format("The source folder %s is gone (deleted, moved or unmounted): the run ends with "
                        + "nothing more to publish", lock.folder()));
                return false;
            }
            LOG.warn("The source folder {} is gone (deleted, moved or unmounted): nothing is published until it is "
                    + "back, and readiness is DOWN meanwhile; create it again (or mount it) and publishing goes on",
                    lock.folder());
        }
        return false;
    }

    /** The folder is the one locked; after it was gone, it was moved back or mounted again. */
    private boolean held() {
        if (goneSince != null) {
            LOG.warn("The source folder {} is back after {} s: publishing goes on", lock.folder(),
                    Duration.between(goneSince, Instant.now()).toSeconds());
            goneSince = null;
        }
        return true;
    }

    private boolean back() {
        try {
            lock.retake();
        } catch (IllegalStateException | UncheckedIOException e) {
            giveUp("The source folder " + lock.folder() + " was created again and this instance cannot take it back: "
                    + e.getMessage() + ". This instance stops");
            return false;
        }
        LOG.warn("The source folder {} {}: this instance holds it again and publishing goes on. Files that were in it "
                + "went with it: the archive and failed folders, and the destination, hold what was done of them",
                lock.folder(), goneSince == null ? "was deleted and created again" : "is back after "
                        + Duration.between(goneSince, Instant.now()).toSeconds() + " s");
        goneSince = null;
        return true;
    }

    private void giveUp(String reason) {
        gaveUp = true;
        LOG.error(reason);
        stopApplication.run();
    }
}
