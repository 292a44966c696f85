package io.github.txsim.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.github.txsim.publish.StopSignal;
import io.github.txsim.rows.SourceText;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a file being published may still grow when its bytes run out, as the Kinesis Agent tails a log: a writer
 * that keeps the file open (a logger, a slow export that pauses) appends rows after the file was taken, and those
 * rows are read too. At the end of the bytes read so far, the reading waits, looking again every check interval, while
 * <ul>
 * <li>a process holds the file open for writing ({@link OpenWriters}), or</li>
 * <li>the file was written in place (not handed over by a rename) and was last written less than the read lock's
 * minimum age ago;</li>
 * </ul>
 * and reads on as soon as the file is longer. A file that got shorter than what was read (truncated while being
 * read) cannot be read on: its rows so far are published, and the file fails with a report.
 */
public final class GrowingFile implements SourceText.Growth {

    /** Exchange property set by the read lock: true when the file was handed over complete (renamed in, announced). */
    public static final String HANDED_OVER = "txsim.handedOver";
    private static final Logger LOG = LoggerFactory.getLogger(GrowingFile.class);

    private final Path file;
    private final boolean handedOver;
    private final Duration minAge;
    private final Duration checkInterval;
    private final StopSignal stop;
    private boolean waitingLogged;

    GrowingFile(Path file, boolean handedOver, Duration minAge, Duration checkInterval, StopSignal stop) {
        this.file = file;
        this.handedOver = handedOver;
        this.minAge = minAge;
        this.checkInterval = checkInterval;
        this.stop = stop;
    }

    /** For each file's exchange, its growth, with the read lock's minimum age and check interval. */
    public static Function<Exchange, SourceText.Growth> forExchanges(Duration minAge, Duration checkInterval,
            StopSignal stop) {
        return exchange -> new GrowingFile(
                Path.of(exchange.getMessage().getHeader("CamelFileAbsolutePath", String.class)),
                exchange.getProperty(HANDED_OVER, false, Boolean.class), minAge, checkInterval, stop);
    }

    @Override
    public boolean awaitMore(long bytesRead) throws IOException {
        while (true) {
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException gone) {
                throw new IOException("the file was removed while being read, after " + bytesRead + " bytes");
            }
            if (size > bytesRead) {
                return true;
            }
            if (size < bytesRead) {
                throw new IOException(String.format("the file was cut short to %,d bytes while being read (%,d bytes "
                        + "read): its rows so far are published", size, bytesRead));
            }
            String writing = stillWriting();
            if (writing == null) {
                return false;
            }
            if (stop.isRaised()) {
                throw new IOException("the application is stopping while " + writing);
            }
            if (!waitingLogged) {
                LOG.info("{}: waiting for more rows, {}", file.getFileName(), writing);
                waitingLogged = true;
            }
            try {
                stop.await(checkInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file.getFileName() + " to grow", e);
            }
        }
    }

    /** How the file is still being written, or null when it is not. */
    private String stillWriting() throws IOException {
        List<Long> writers = OpenWriters.of(file);
        if (!writers.isEmpty()) {
            return "as process " + writers.get(0) + " holds it open for writing";
        }
        Duration age = Duration.between(Files.getLastModifiedTime(file).toInstant(), Instant.now());
        if (!handedOver && age.compareTo(minAge) < 0) {
            return "as it was written " + age.toMillis() + " ms ago (publish.readLock.minAge is " + minAge + ")";
        }
        return null;
    }
}
