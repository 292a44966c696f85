package io.github.txsim.kinesis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.txsim.files.PublishingStoppedException;
import io.github.txsim.files.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The stream gone while publishing: deleted, not ACTIVE, or its endpoint out of reach. A request that failed is
 * followed by a look at the stream (DescribeStreamSummary): when the stream takes records, the failure was the
 * request's own and goes to the error handler as before; when it does not, publishing waits for it, however many
 * groups were in flight, instead of failing the file: one ERROR saying what is wrong and what to do, the stream
 * looked at again with back-off, one INFO when it takes records again, and the groups go on from where they were.
 * Rows acknowledged are never sent again, so an outage adds no duplicates (but a request cut off mid-way, whose
 * records may have arrived).
 * <p>
 * With a limit ({@code publish.outage.maxWait}), an outage that lasts longer stops the application: the file stays in
 * the source folder with its checkpoint, to resume at the next start, and the process exits with status 1.
 */
public final class StreamOutage {

    private static final Logger LOG = LoggerFactory.getLogger(StreamOutage.class);
    private static final Duration FIRST_LOOK = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final KinesisStream stream;
    private final Duration maxWait;
    private final StopSignal stop;
    private final Runnable stopApplication;
    private final Clock clock;
    private final BackoffStrategy looks = BackoffStrategy.exponentialDelayHalfJitter(FIRST_LOOK, LONGEST_WAIT);
    private final AtomicBoolean gaveUp = new AtomicBoolean();
    private Instant since;
    private String reason;

    /**
     * @param maxWait         how long an outage may last before the application stops; null for no limit
     * @param stopApplication stops the application (from another thread: the caller is publishing)
     */
    public StreamOutage(KinesisStream stream, Duration maxWait, StopSignal stop, Runnable stopApplication,
            Clock clock) {
        this.stream = stream;
        this.maxWait = maxWait;
        this.stop = stop;
        this.stopApplication = stopApplication;
        this.clock = clock;
    }

    /** Since when the stream cannot take records, or null when it can (as far as publishing knows). */
    public synchronized Instant since() {
        return since;
    }

    /** Why the stream cannot take records, or null when it can. */
    public synchronized String reason() {
        return reason;
    }

    /** Whether the application stopped because an outage lasted longer than its limit. */
    public boolean gaveUp() {
        return gaveUp.get();
    }

    /**
     * After a request failed with {@code failure}: returns at once, rethrowing it, when the stream takes records;
     * otherwise waits until it does again.
     *
     * @throws PublishingStoppedException when the application stops meanwhile, or the outage outlasts its limit
     */
    void rideOut(SdkException failure, String fileName) throws InterruptedException {
        String down = unavailable();
        if (down == null) {
            throw failure;
        }
        begin(down, fileName);
        for (int look = 1; down != null; look++) {
            Duration lasted = lasted();
            if (maxWait != null && lasted.compareTo(maxWait) > 0) {
                giveUp(lasted, fileName);
            }
            stop.await(looks.computeDelay(look).toMillis());
            if (stop.isRaised()) {
                throw new PublishingStoppedException(fileName);
            }
            down = unavailable();
        }
        end();
    }

    /** Why the stream cannot take records now, or null when it can. */
    private String unavailable() {
        try {
            String status = stream.status();
            if (KinesisStream.acceptsRecords(status)) {
                return null;
            }
            return KinesisStream.NOT_FOUND.equals(status)
                    ? String.format("Kinesis stream '%s' does not exist (any longer): create it again, or set "
                            + "kinesis.streamName to the stream to use and restart (a deleted stream's records went "
                            + "with it; the archive folder holds them, and verify names what a stream lacks)",
                            stream.name())
                    : String.format("Kinesis stream '%s' is %s: it takes records again once ACTIVE", stream.name(),
                            status);
        } catch (SdkException e) {
            return String.format("Cannot reach Kinesis at %s (%s): check the network path to it (security groups, "
                    + "VPC endpoint, proxy, DNS), the AWS Health Dashboard, or in local mode whether the emulator "
                    + "still runs", stream.endpoint(), KinesisStream.rootMessage(e));
        }
    }

    private synchronized void begin(String down, String fileName) {
        if (since != null) {
            return;
        }
        since = clock.instant();
        reason = down;
        LOG.error("{}. Publishing waits ({} from its checkpoint on; nothing is lost) and looks at the stream again "
                + "every {} s at most{}; readiness is DOWN meanwhile", down, fileName, LONGEST_WAIT.toSeconds(),
                maxWait == null ? "" : ", for " + maxWait.toSeconds() + " s (publish.outage.maxWait) before the "
                        + "application stops");
    }

    private synchronized Duration lasted() {
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    private synchronized void end() {
        if (since != null) {
            LOG.info("Kinesis stream '{}' takes records again after {} s: publishing goes on", stream.name(),
                    Duration.between(since, clock.instant()).toSeconds());
            since = null;
            reason = null;
        }
    }

    private void giveUp(Duration lasted, String fileName) {
        if (gaveUp.compareAndSet(false, true)) {
            LOG.error("Kinesis stream '{}' has not taken records for {} s (publish.outage.maxWait is {} s): the "
                    + "application stops; {} stays in the source folder with its checkpoint and goes on at the next "
                    + "start", stream.name(), lasted.toSeconds(), maxWait.toSeconds(), fileName);
            stop.raise();
            stopApplication.run();
        }
        throw new PublishingStoppedException(fileName, "the stream has not taken records for "
                + lasted.toSeconds() + " s");
    }
}
