package io.github.txsim.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.txsim.publish.FilePublishing;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A progress line per file being published, every {@code publish.progressInterval}: rows done (acknowledged or
 * rejected, groups in flight included) of about how many, records acknowledged, rows/s (and the pacing's target),
 * records resent, rows rejected, records in flight, and the time left; paced, where the feed stands against its
 * schedule, from the next record due: on schedule and waiting for it, or how far behind.
 */
public final class ProgressLog extends ServiceSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** How much of a file the estimate of its rows reads: 4 MiB, about 50,000 rows of the default day. */
    static final long ESTIMATE_SAMPLE = 4L * 1024 * 1024;

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
            scheduler.scheduleAtFixedRate(() -> active.forEach(progress -> LOG.info(line(progress, Instant.now(),
                    ZoneId.systemDefault()))),
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

    static String line(FileProgress progress, Instant now, ZoneId zone) {
        long done = Math.max(progress.rowsDone(), progress.acknowledged() + progress.rejected());
        long estimate = Math.max(progress.rowsEstimate(), done);
        double seconds = progress.seconds();
        double rowsPerSecond = seconds > 0 ? (done - progress.resumedAfter()) / seconds : 0;
        FilePublishing publishing = progress.publishing();
        String target = publishing.paceTarget() == null ? "" : " (" + publishing.paceTarget() + ")";
        return String.format("Progress %s: %,d of about %s done (%d%%), %s acknowledged, %,.0f rows/s%s, %,d resent, "
                + "%,d rejected, %,d in flight, %s", progress.fileName(), done, count(estimate, "row"),
                estimate == 0 ? 100 : done * 100 / estimate, count(progress.acknowledged(), "record"), rowsPerSecond,
                target, publishing.retried(), progress.rejected(), publishing.inFlight(),
                standing(publishing.nextDue(), now, zone, estimate - done, rowsPerSecond));
    }

    /** Where the feed stands: against its schedule when paced, otherwise the time left. */
    private static String standing(Instant nextDue, Instant now, ZoneId zone, long rowsLeft, double rowsPerSecond) {
        if (nextDue != null) {
            LocalDateTime due = LocalDateTime.ofInstant(nextDue, zone);
            String at = (due.toLocalDate().equals(LocalDate.ofInstant(now, zone)) ? TIME : DATE_TIME).format(due);
            double ahead = Duration.between(now, nextDue).toMillis() / 1000.0;
            return ahead >= 0
                    ? String.format("on schedule, waiting for the next record, due at %s (in %.1f s)", at, ahead)
                    : String.format("%.1f s behind schedule (the next record was due at %s)", -ahead, at);
        }
        return rowsPerSecond > 0 ? String.format("about %.0f s left", rowsLeft / rowsPerSecond) : "time left unknown";
    }

    /** {@code 1 row}, {@code 2 rows}. */
    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /**
     * The lines of the file less the header: its rows, unless quoted values hold line breaks. A file larger than
     * {@link #ESTIMATE_SAMPLE} is estimated from the lines of its first bytes, so that a national day's 1.5 GB are not
     * read once more only for the estimate.
     */
    static long estimateRows(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            long read = 0;
            int last = '\n';
            for (int n = in.read(buffer); n > 0 && read < ESTIMATE_SAMPLE; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                read += n;
                last = buffer[n - 1];
            }
            if (read < size) {
                return Math.max(0, Math.round((double) lines * size / read) - 1);
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
