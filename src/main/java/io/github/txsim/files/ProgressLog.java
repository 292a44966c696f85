package io.github.txsim.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress line per file being published, every {@code publish.progressInterval}: rows done of about how many,
 * records acknowledged, rows/s, records resent, rows rejected, records in flight, and the time left (or, paced, how
 * far behind event time).
 */
public final class ProgressLog extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);

    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private final Set<FileProgress> active = ConcurrentHashMap.newKeySet();

    /**
     * @param interval  how often; zero for never
     * @param scheduler the thread it logs on (one of Camel's); null when the interval is zero
     */
    public ProgressLog(Duration interval, ScheduledExecutorService scheduler) {
        this.interval = interval;
        this.scheduler = scheduler;
    }

    @Override
    protected void doStart() {
        if (!interval.isZero()) {
            scheduler.scheduleAtFixedRate(() -> active.forEach(progress -> LOG.info(line(progress))),
                    interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void doStop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** A file is being published from now on: its progress is logged, its rows counted for the estimate. */
    void add(FileProgress progress) {
        progress.rowsEstimate(estimateRows(progress.file()));
        active.add(progress);
    }

    void remove(FileProgress progress) {
        active.remove(progress);
    }

    static String line(FileProgress progress) {
        long done = progress.rowsDone();
        long estimate = Math.max(progress.rowsEstimate(), done);
        double seconds = progress.seconds();
        double rowsPerSecond = seconds > 0 ? (done - progress.resumedAfter()) / seconds : 0;
        String left = progress.lagSeconds() > 0 ? String.format("%.1f s behind %s", progress.lagSeconds(),
                progress.paceTarget() == null ? "event time" : "schedule")
                : rowsPerSecond > 0 ? String.format("about %.0f s left", (estimate - done) / rowsPerSecond)
                : "time left unknown";
        String target = progress.paceTarget() == null ? "" : " (" + progress.paceTarget() + ")";
        return String.format("Progress %s: %,d of about %,d rows done (%d%%), %,d records acknowledged, %,.0f rows/s%s, "
                + "%,d resent, %,d rejected, %,d in flight, %s", progress.fileName(), done, estimate,
                estimate == 0 ? 100 : done * 100 / estimate, progress.acknowledged(), rowsPerSecond, target,
                progress.retried(), progress.rejected(), progress.inFlight(), left);
    }

    /** The lines of the file less the header: its rows, unless quoted values hold line breaks. */
    private static long estimateRows(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            int last = '\n';
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
            if (last != '\n') {
                lines++;
            }
            return Math.max(0, lines - 1);
        } catch (IOException e) {
            return 0;
        }
    }
}
