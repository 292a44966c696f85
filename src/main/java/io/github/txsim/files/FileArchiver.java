package io.github.txsim.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.Reject;
import io.github.txsim.rows.SourceFileReader;
import io.github.txsim.rows.SourceText;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a file out of the source folder once its exchange is over, and only then does what follows from the move:
 * archived, its rejects written beside it, its checkpoint removed and its bytes noted ({@link ArchivedCopies}); failed,
 * its checkpoint kept under its failed-folder name ({@link Checkpoints#park}). A move never replaces a file already
 * there. A move that fails leaves the file and its checkpoint in the source folder ({@link StuckFiles}): at the next
 * poll the checkpoint says every row is done, so only the move is tried again.
 */
public final class FileArchiver {

    private static final Logger LOG = LoggerFactory.getLogger(FileArchiver.class);

    private final FileTracker tracker;
    private final Checkpoints checkpoints;
    private final ArchivedCopies copies;
    private final StuckFiles stuck;
    private final String destinationName;

    public FileArchiver(FileTracker tracker, Checkpoints checkpoints, ArchivedCopies copies, StuckFiles stuck,
            String destinationName) {
        this.tracker = tracker;
        this.checkpoints = checkpoints;
        this.copies = copies;
        this.stuck = stuck;
        this.destinationName = destinationName;
    }

    /**
     * The file's every row is acknowledged or rejected: into the archive folder, as {@code target}. A file that grew
     * after its last bytes were read stays, to publish the rows added at the next poll, after its checkpoint.
     */
    public void archive(Exchange exchange, Path file, Path target) {
        FileProgress progress = exchange.getProperty(FileProgress.PROPERTY, FileProgress.class);
        SourceText text = exchange.getProperty(SourceFileReader.TEXT, SourceText.class);
        if (text != null && sizeOf(file) > text.bytesRead()) {
            LOG.info(String.format("%s grew to %,d bytes after its last rows were read (%,d bytes): it stays in the "
                    + "source folder, and the rows added are published next", file.getFileName(), sizeOf(file),
                    text.bytesRead()));
            tracker.countInTotals(progress);
            return;
        }
        // the rejects are in place before the file, so that whoever sees the archived file sees its rejects
        List<Reject> rejects = progress == null ? List.of() : checkpoints.rejects(file);
        Path rejectsFile = target.resolveSibling(target.getFileName() + ".rejects");
        try {
            if (!rejects.isEmpty()) {
                Checkpoints.writeRejects(rejectsFile, rejects);
            }
        } catch (UncheckedIOException e) {
            stuck.cannotMove(file, target.getParent(), "archive", e);
            return;
        }
        if (!move(file, target, "archive")) {
            deleteQuietly(rejects.isEmpty() ? null : rejectsFile);
            return;
        }
        if (progress == null) {
            return;
        }
        FilePrefix whole = progress.done().end();
        if (progress.copyOf() == null && whole.length() == sizeOf(target)) {
            copies.add(target.getFileName().toString(), whole, destinationName);
        }
        checkpoints.clear(file);
        tracker.archived(progress, target);
    }

    /**
     * Publishing the file failed: into the failed folder, as {@code target}, its checkpoint waiting for it (parked
     * first, so that the file moved back at once finds it).
     */
    public void moveToFailed(Exchange exchange, Path file, Path target) {
        String failedName = target.getFileName().toString();
        checkpoints.park(file, failedName);
        if (!move(file, target, "failed")) {
            checkpoints.unpark(file, failedName);
        }
    }

    private boolean move(Path file, Path target, String purpose) {
        try {
            Files.createDirectories(target.getParent());
            AtomicFiles.moveWithoutReplacing(file, target);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                // nothing to move and nothing to try again: removed by someone else, or its folder with it
                LOG.warn("{} was removed from the source folder while it was published, so it cannot move into the {} "
                        + "folder; its checkpoint stays, so the same file dropped again resumes after the rows done",
                        file.getFileName(), purpose);
                return false;
            }
            stuck.cannotMove(file, target.getParent(), purpose, e);
            return false;
        }
        stuck.moved(file, target);
        return true;
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.debug("Cannot remove {}: {}", file, e.toString());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
