package io.github.txsim.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.github.txsim.verification.FileResult;
import io.github.txsim.publish.RecordSource;
import io.github.txsim.verification.Verifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code app.verify}: at the end of a run-once run, reads the stream (or topic) back and reconciles it with the files the run
 * archived, one line a file ({@link Verifier}). In local mode the emulator's stream (the local broker's topic) holds this run's records only,
 * so it is read from its oldest record; against AWS from the run's start.
 */
final class RunVerification {

    private static final Logger LOG = LoggerFactory.getLogger(RunVerification.class);

    private final Supplier<RecordSource> source;
    private final Instant since;
    private volatile boolean missing;

    /**
     * @param source      reads the destination back (once it has started)
     * @param since       the first arrival time to read, or null for the destination's oldest record
     */
    RunVerification(Supplier<RecordSource> source, Instant since) {
        this.source = source;
        this.since = since;
    }

    void verify(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        try {
            Verifier.Report report = Verifier.verify(files, source.get(), since);
            for (FileResult file : report.files()) {
                if (file.missing() > 0) {
                    LOG.error(file.summary(report.destination()));
                } else {
                    LOG.info(file.summary(report.destination()));
                }
            }
            missing = report.anyMissing();
            if (report.strangers() > 0 || report.unreadable() > 0) {
                LOG.info(report.othersLine());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot verify the run's files: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first arrival time read, or null for the destination's oldest record. */
    Instant since() {
        return since;
    }

    /** Whether a file's row was missing from the stream. */
    boolean foundMissing() {
        return missing;
    }
}
