package io.github.txsim.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination gone while publishing: a Kinesis stream deleted, not ACTIVE, or its endpoint out of reach; a Kafka
 * cluster out of reach. A request that failed is followed by a look at the destination ({@link Sink#unavailable}): when
 * it takes records, the failure was the request's own and goes to the error handler as before; when it does not,
 * publishing waits for it, however many groups were in flight, instead of failing the file: one ERROR saying what is
 * wrong and what to do, the destination looked at again with back-off, one INFO when it takes records again, and the
 * groups go on from where they were. Records acknowledged are never sent again, so an outage adds no duplicates (but
 * a request cut off mid-way, whose records may have arrived).
 * <p>
 * With a limit ({@code publish.outage.maxWait}), an outage that lasts longer stops the application: the file stays in
 * the source folder with its checkpoint, to resume at the next start, and the process exits with status 1.
 */
public final class Outage implements Waiting {

    private static final Logger LOG = LoggerFactory.getLogger(Outage.class);
    private final Sink sink;
    private final RetryPolicy policy;
    private final Duration maxWait;
    private final StopSignal stop;
    private final Runnable stopApplication;
    private final Clock clock;
    private final AtomicBoolean gaveUp = new AtomicBoolean();
    private Instant since;
    private String reason;

    /**
     * @param policy          the looks' back-off, and how long an outage may last before the application stops
     * @param stopApplication stops the application (from another thread: the caller is publishing)
     */
    public Outage(Sink sink, RetryPolicy policy, StopSignal stop, Runnable stopApplication, Clock clock) {
        this.sink = sink;
        this.policy = policy;
        this.maxWait = policy.outageMaxWait();
        this.stop = stop;
        this.stopApplication = stopApplication;
        this.clock = clock;
    }

    /** Since when the destination cannot take records, or null when it can (as far as publishing knows). */
    @Override
    public synchronized Instant since() {
        return since;
    }

    /** Why the destination cannot take records, or null when it can. */
    @Override
    public synchronized String reason() {
        return reason;
    }

    /** Whether the application stopped because an outage lasted longer than its limit. */
    public boolean gaveUp() {
        return gaveUp.get();
    }

    /**
     * After a request failed with {@code failure}: answers false at once when the destination takes records;
     * otherwise waits until it does again, and answers true.
     *
     * @throws PublishingStoppedException when the application stops meanwhile, or the outage outlasts its limit
     */
    boolean rideOut(RuntimeException failure, String fileName) throws InterruptedException {
        String down = sink.unavailable(failure);
        if (down == null) {
            return false;
        }
        begin(down, fileName);
        for (int look = 1; down != null; look++) {
            Duration lasted = lasted();
            if (maxWait != null && lasted.compareTo(maxWait) > 0) {
                giveUp(lasted, fileName);
            }
            stop.await(policy.delay(look).toMillis());
            if (stop.isRaised()) {
                throw new PublishingStoppedException(fileName);
            }
            down = sink.unavailable(failure);
        }
        end();
        return true;
    }
    private synchronized void begin(String down, String fileName) {
        if (since != null) {
            return;
        }
        since = clock.instant();
        reason = down;
        LOG.error("{}. Publishing waits ({} from its checkpoint on; nothing is lost) and looks at {} again "
                + "every {} s at most (publish.retry.maximumDelay){}; readiness is DOWN meanwhile", down, fileName,
                sink.destination(), seconds(policy.maximumDelay()),
                maxWait == null ? "" : ", for " + maxWait.toSeconds() + " s (publish.outage.maxWait) before the "
                        + "application stops");
    }

    /** 5 for 5 s, 0.5 for 500 ms. */
    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? Long.toString(duration.toSeconds())
                : Double.toString(duration.toMillis() / 1000.0);
    }

    private synchronized Duration lasted() {
        return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
    }

    private synchronized void end() {
        if (since != null) {
            LOG.info("{} takes records again after {} s: publishing goes on", sink.destination(),
                    Duration.between(since, clock.instant()).toSeconds());
            since = null;
            reason = null;
        }
    }

    private void giveUp(Duration lasted, String fileName) {
        if (gaveUp.compareAndSet(false, true)) {
            LOG.error("{} has not taken records for {} s (publish.outage.maxWait is {} s): the "
                    + "application stops; {} stays in the source folder with its checkpoint and goes on at the next "
                    + "start", sink.destination(), lasted.toSeconds(), maxWait.toSeconds(), fileName);
            stop.raise();
            stopApplication.run();
        }
        throw new PublishingStoppedException(fileName, sink.destination() + " has not taken records for "
                + lasted.toSeconds() + " s");
    }
}
