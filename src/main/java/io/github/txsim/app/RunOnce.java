package io.github.txsim.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.github.txsim.files.FileTracker;
import io.github.txsim.files.SourceFiles;
import io.github.txsim.files.StuckFiles;
import io.github.txsim.support.ProcessResources;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.ShutdownAware;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run-once mode ({@code app.runOnce=true}): once today's file has been generated (or found to exist; with the
 * generator off, at once) and the source folder holds no more files to publish, print the run's totals and stop the
 * application.
 * <p>
 * The publish route reports an idle poll of the source folder (the file consumer's sendEmptyMessageWhenIdle); the
 * folder is listed again here because a file may have been renamed into place after that poll began.
 */
public final class RunOnce {

    private static final Logger LOG = LoggerFactory.getLogger(RunOnce.class);

    private final boolean enabled;
    private final Path sourceFolder;
    private final CamelContext context;
    private final SourceFiles sourceFiles;
    private final FileTracker files;
    private final StuckFiles stuck;
    private final RunVerification verification;
    private final LabelWiring labels;
    private final long startedNanos = System.nanoTime();
    private final AtomicBoolean generated = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile boolean labelsMissing;

    /**
     * @param enabled          whether the run-once mode is on
     * @param awaitGeneration  whether to wait for the generator's first run (false when the generator is off)
     * @param sourceFolder     the folder the publisher consumes
     * @param sourceFiles      which of its files are to publish (in run-once mode, not those that cannot be moved)
     * @param context          the context to stop
     * @param files            the totals to print
     * @param stuck            the files published whole that could not be moved out of the source folder
     * @param verification     reads the stream back at the end of the run, or null
     * @param labels           the label stream, whose due events are sent before the run ends
     */
    RunOnce(boolean enabled, boolean awaitGeneration, Path sourceFolder, SourceFiles sourceFiles, CamelContext context,
            FileTracker files, StuckFiles stuck, RunVerification verification, LabelWiring labels) {
        this.enabled = enabled;
        this.generated.set(!awaitGeneration);
        this.sourceFolder = sourceFolder;
        this.sourceFiles = sourceFiles;
        this.context = context;
        this.files = files;
        this.stuck = stuck;
        this.verification = verification;
        this.labels = labels;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Whether the run ended with a file in the failed folder, a file it could not move out of the source folder or
     * had to refuse, or a row missing from the stream, or a label missing or wrong on the label stream.
     */
    boolean hadFailures() {
        return enabled && (files.totals().filesFailed() > 0 || !stuck.files().isEmpty()
                || !sourceFiles.refused().isEmpty() || verification != null && verification.foundMissing()
                || labelsMissing);
    }

    /** The generate route calls this after each run of the generator. */
    public void generationDone() {
        generated.set(true);
    }

    /**
     * The publish route calls this when a poll of the source folder found nothing to publish; a run that is complete
     * stops once this exchange is done, so that the stop does not wait for it.
     */
    public void sourceFolderIdle(Exchange exchange) {
        if (!enabled || !generated.get() || hasFilesToPublish() || !stopping.compareAndSet(false, true)) {
            return;
        }
        String labelStream = finishLabels();
        if (labelStream != null) {
            LOG.info(labelStream);
        }
        if (verification != null) {
            verification.verify(files.archivedThisRun());
            labelsMissing = labels.verify(files.archivedThisRun(), verification.since());
        }
        FileTracker.Totals totals = files.totals();
        LOG.info(String.format("Run complete: %,d file(s) published, %,d failed, %s%,d records acknowledged, %,d rows "
                + "rejected, in %.1f s; process CPU %.1f s, peak RSS %d MiB", totals.filesPublished(),
                totals.filesFailed(), otherFiles(totals), totals.records(), totals.rejected(),
                (System.nanoTime() - startedNanos) / 1e9,
                ProcessResources.cpuSeconds(), ProcessResources.peakRssMib()));
        // stopping waits for the exchanges in flight, this one too: stop from another thread once it is done
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                new Thread(RunOnce.this::stopWhenNoneInFlight, "run-once-stop").start();
            }
        });
    }

    /**
     * Stops the context once the exchange that ended the run has left Camel's inflight registry and its consumer's
     * poll is over, which happens just after its completions ran. Camel tells of no such moment, so this looks every
     * 10 ms, for 5 s at most: a stop that found the exchange still there would wait a whole second (the shutdown
     * strategy's own interval) for it.
     */
    private void stopWhenNoneInFlight() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        try {
            while (inFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.stop();
    }

    /** What the shutdown strategy waits for: the exchanges in flight, and those a consumer still has pending. */
    private int inFlight() {
        int pending = context.getInflightRepository().size();
        for (Route route : context.getRoutes()) {
            if (route.getConsumer() instanceof ShutdownAware consumer) {
                pending += consumer.getPendingExchangesSize();
            }
        }
        return pending;
    }

    private String finishLabels() {
        try {
            return labels.finishRun();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot end the label stream: " + e.getMessage(), e);
        }
    }

    /** The files neither published nor failed, such as {@code 1 skipped as copies, }; empty when there are none. */
    private String otherFiles(FileTracker.Totals totals) {
        StringBuilder other = new StringBuilder();
        if (totals.filesSkipped() > 0) {
            other.append(String.format("%,d skipped as copies, ", totals.filesSkipped()));
        }
        if (!stuck.files().isEmpty()) {
            other.append(String.format("%,d published but not moved (see the errors above), ", stuck.files().size()));
        }
        if (!sourceFiles.refused().isEmpty()) {
            other.append(String.format("%,d refused (each named in a WARN above), ", sourceFiles.refused().size()));
        }
        return other.toString();
    }

    private boolean hasFilesToPublish() {
        try (Stream<Path> files = Files.list(sourceFolder)) {
            return files.anyMatch(sourceFiles::isToPublish);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + sourceFolder, e);
        }
    }
}
