package io.github.txsim.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.github.txsim.publish.FilePublishing;
import io.github.txsim.publish.StopSignal;
import io.github.txsim.rows.Reject;
import io.github.txsim.rows.UnreadableFileException;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows each file through the publish route, which calls it when a file starts, completes and fails:
 * <ul>
 * <li>at the start, where an earlier run left the file (its checkpoint), and the names the file takes in the archive
 * or failed folder (a name already there is never overwritten: the new file gets a numbered name); whether anything
 * is left to publish: not when an earlier attempt did every row (only its move failed), nor for a copy of a file
 * archived earlier ({@link ArchivedCopies}, publish.archivedCopies);</li>
 * <li>on completion, the check that its counts add up; once archived ({@link FileArchiver}), a summary line;</li>
 * <li>on failure, the rejects and a {@link FailureReport} beside the failed file (the checkpoint is kept: moved back
 * into the source folder, the file resumes where it stopped);</li>
 * <li>when the application stops in the middle of a file ({@link StopSignal}), neither: the file stays in the source
 * folder with its checkpoint and resumes at the next start.</li>
 * </ul>
 * It keeps the run's totals.
 */
public final class FileTracker extends ServiceSupport {

    /** Exchange properties with the names the file takes in the archive and failed folders. */
    public static final String ARCHIVE_NAME = "archiveName";
    public static final String FAILED_NAME = "failedName";
    /** Exchange property: true when the file has nothing to publish, only its move is left. */
    public static final String NOTHING_TO_PUBLISH = "nothingToPublish";
    private static final Logger LOG = LoggerFactory.getLogger(FileTracker.class);

    private final String destination;
    private final String destinationName;
    private final Checkpoints checkpoints;
    private final ArchivedCopies copies;
    private final boolean republishCopies;
    private final Path archiveFolder;
    private final Path failedFolder;
    private final AtomicLong filesPublished = new AtomicLong();
    private final List<Path> archivedThisRun = new CopyOnWriteArrayList<>();
    private final AtomicLong filesFailed = new AtomicLong();
    private final AtomicLong filesSkipped = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final ProgressLog progressLog;
    private final PublishMetrics metrics;
    private final StopSignal stop;

    /**
     * The totals of a run.
     *
     * @param filesPublished files whose every row was acknowledged or rejected (archived)
     * @param filesFailed    files moved to the failed folder
     * @param filesSkipped   copies of files archived earlier, archived without publishing (publish.archivedCopies)
     * @param records        records acknowledged by the destination, from all files
     * @param rejected       rows rejected, from all files
     */
    public record Totals(long filesPublished, long filesFailed, long filesSkipped, long records, long rejected) {
    }

    /**
     * @param destination     where the records go, for the log: {@code Kinesis stream 'transactions'}
     * @param destinationName the destination's name, which a copy of an archived file must share with it
     * @param copies          the files archived so far, to recognise a copy of one
     * @param republishCopies whether a copy of an archived file is published again (publish.archivedCopies=publish)
     *                        or archived without publishing
     * @param stop            raised when the application stops: a file that ends then was cut short, not failed
     */
    public FileTracker(String destination, String destinationName, Checkpoints checkpoints, ArchivedCopies copies, boolean republishCopies,
            Path archiveFolder, Path failedFolder, ProgressLog progressLog, PublishMetrics metrics, StopSignal stop) {
        this.destination = destination;
        this.destinationName = destinationName;
        this.checkpoints = checkpoints;
        this.copies = copies;
        this.republishCopies = republishCopies;
        this.archiveFolder = archiveFolder;
        this.failedFolder = failedFolder;
        this.progressLog = progressLog;
        this.metrics = metrics;
        this.stop = stop;
    }

    @Override
    protected void doStart() {
        progressLog.start();
    }

    @Override
    protected void doStop() {
        progressLog.stop();
    }

    public void started(Exchange exchange) {
        Path file = Path.of(exchange.getMessage().getHeader("CamelFileAbsolutePath", String.class));
        Checkpoints.Checkpoint checkpoint = checkpoints.load(file);
        FileProgress progress = new FileProgress(file, checkpoints, checkpoint);
        exchange.setProperty(FileProgress.PROPERTY, progress);
        exchange.setProperty(FilePublishing.PROPERTY, progress.publishing());
        exchange.setProperty(ARCHIVE_NAME, freeName(archiveFolder, progress.fileName()));
        exchange.setProperty(FAILED_NAME, freeName(failedFolder, progress.fileName()));
        if (checkpoint.rowsDone() > 0 && checkpoint.end().length() == sizeOf(file)) {
            LOG.debug("{}: every row was done by an earlier attempt; only its move is left", progress.fileName());
            exchange.setProperty(NOTHING_TO_PUBLISH, true);
            return;
        }
        if (checkpoint.rowsDone() == 0) {
            Optional<ArchivedCopies.Entry> copy = copies.copyOf(file, destinationName);
            if (copy.isPresent() && !republishCopies) {
                progress.copyOf(copy.get());
                exchange.setProperty(NOTHING_TO_PUBLISH, true);
                return;
            }
            copy.ifPresent(entry -> LOG.warn("{} holds the same bytes as {}, archived at {} after it went to '{}': "
                    + "publishing it again, every record a second time (publish.archivedCopies=publish)",
                    progress.fileName(), entry.archivedAs(), entry.archivedAt(), entry.destination()));
        }
        progressLog.add(progress);
        if (checkpoint.rowsDone() > 0) {
            LOG.info(String.format("Resuming %s after row %,d (line %,d; %,d records acknowledged and %,d rows "
                    + "rejected by an earlier run) to %s", progress.fileName(),
                    checkpoint.rowsDone(), checkpoint.end().lines(), checkpoint.acknowledged(), checkpoint.rejected(),
                    destination));
        } else {
            LOG.info("Publishing {} to {}", progress.fileName(), destination);
        }
    }

    /**
     * Every row of the file is done: checks that its counts add up. The file is archived next ({@link FileArchiver}).
     *
     * @throws CountsDoNotAddUpException when they do not (rows = acknowledged + rejected): the file is not archived
     */
    public void completed(Exchange exchange) {
        FileProgress progress = exchange.getProperty(FileProgress.PROPERTY, FileProgress.class);
        progressLog.remove(progress);
        if (progress.acknowledged() + progress.rejected() != progress.rowsDone()) {
            throw new CountsDoNotAddUpException(String.format("%s: the counts do not add up: %,d rows, but %,d "
                    + "records acknowledged and %,d rows rejected", progress.fileName(), progress.rowsDone(),
                    progress.acknowledged(), progress.rejected()));
        }
    }

    /** The file is in the archive folder, as {@code archived}: counts it, and logs its summary. */
    void archived(FileProgress progress, Path archived) {
        String archiveName = archived.getFileName().toString();
        if (progress.copyOf() != null) {
            ArchivedCopies.Entry copy = progress.copyOf();
            filesSkipped.incrementAndGet();
            LOG.warn("Skipped {}: it holds the same bytes as {}, archived at {} after it went to '{}'; moved "
                    + "to the archive as {} without publishing it again (publish.archivedCopies=publish sends such a "
                    + "file again)", progress.fileName(), copy.archivedAs(), copy.archivedAt(), copy.destination(),
                    archiveName);
            return;
        }
        archivedThisRun.add(archived);
        filesPublished.incrementAndGet();
        metrics.archived();
        countInTotals(progress);
        double seconds = progress.seconds();
        LOG.info(String.format("Published %s: %,d rows, %,d records acknowledged, %,d rejected%s%s, %,d resent, in "
                + "%.1f s (%,.0f records/s, process CPU %.1f s); archived as %s", progress.fileName(),
                progress.rowsDone(), progress.acknowledged(), progress.rejected(),
                progress.rejected() == 0 ? "" : " (see " + archiveName + ".rejects)",
                progress.resumedAfter() == 0 ? "" : String.format(" (resumed after row %,d)", progress.resumedAfter()),
                progress.publishing().retried(), seconds, seconds > 0 ? progress.acknowledgedThisRun() / seconds : 0,
                progress.cpuSeconds(), archiveName));
    }

    /** Adds the records this run acknowledged and the rows it rejected from the file to the run's totals. */
    void countInTotals(FileProgress progress) {
        records.addAndGet(progress.acknowledgedThisRun());
        rejected.addAndGet(progress.rejectedThisRun());
    }

    public void failed(Exchange exchange) {
        FileProgress progress = exchange.getProperty(FileProgress.PROPERTY, FileProgress.class);
        if (progress == null) {
            return;
        }
        progress.publishing().ended();
        progressLog.remove(progress);
        countInTotals(progress);
        if (stop.isRaised()) {
            LOG.info(String.format("Stopped publishing %s after row %,d (%,d records acknowledged): the application is "
                    + "stopping; the file stays in the source folder and resumes there at the next start",
                    progress.fileName(), progress.rowsDone(), progress.acknowledged()));
            return;
        }
        String failedName = exchange.getProperty(FAILED_NAME, String.class);
        filesFailed.incrementAndGet();
        metrics.failed();
        List<Reject> rejects = checkpoints.rejects(progress.file());
        FailureReport report = new FailureReport(progress, destination,
                rejects.isEmpty() ? null : failedName + ".rejects", continuationNote(progress));
        Path reportFile = failedFolder.resolve(failedName + ".report");
        try {
            if (!rejects.isEmpty()) {
                Checkpoints.writeRejects(failedFolder.resolve(failedName + ".rejects"), rejects);
            }
            report.writeTo(reportFile);
        } catch (UncheckedIOException e) {
            LOG.error("Cannot write the report of {} into {}: {}", progress.fileName(), failedFolder, e.getMessage());
        }
        LOG.error(String.format("Failed to publish %s (%,d rows done; %,d records acknowledged, %,d rows rejected): "
                + "%s; the file moves to the failed folder as %s, with a report in %s", progress.fileName(),
                progress.rowsDone(), progress.acknowledged(), progress.rejected(), report.reason(), failedName,
                reportFile.getFileName()));
        LOG.debug("Failure of " + progress.fileName(), progress.lastError());
    }

    /**
     * For a file whose first line is not a header, when the archive holds a file of its name: it may be the rest of
     * that file, written by a writer that went on after the file was archived.
     */
    private String continuationNote(FileProgress progress) {
        Path archived = archiveFolder.resolve(progress.fileName());
        if (!(progress.lastError() instanceof UnreadableFileException unreadable) || unreadable.fromLine() != 1
                || !Files.exists(archived)) {
            return "";
        }
        String when;
        try {
            when = Files.getLastModifiedTime(archived).toString();
        } catch (IOException e) {
            when = "earlier";
        }
        return String.format("; the archive folder holds %s (last written %s): is this file the rest of it, written "
                + "after it was archived?", archived, when);
    }

    /** The files archived since the application started, in the archive folder, in the order they were. */
    public List<Path> archivedThisRun() {
        return List.copyOf(archivedThisRun);
    }

    public Totals totals() {
        return new Totals(filesPublished.get(), filesFailed.get(), filesSkipped.get(), records.get(), rejected.get());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The name itself when the folder has no such file, otherwise the first free {@code name.N.ext}. */
    static String freeName(Path folder, String name) {
        if (!Files.exists(folder.resolve(name))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            String candidate = base + "." + n + extension;
            if (!Files.exists(folder.resolve(candidate))) {
                return candidate;
            }
        }
    }
}
