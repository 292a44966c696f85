package io.github.txsim.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.support.PublishMetrics;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Sends a group's records to the {@link Sink}, each when it is due ({@link Pacing}). A sink can acknowledge some records
 * and fail others: the group keeps the failed ones, and the error handler's redeliveries send only them again
 * ({@link RecordTimeout}), so an acknowledged record is never sent twice. A sink does not retry on its own account
 * beyond one request (Kinesis: none; Kafka: within one delivery timeout): one retry policy, not two multiplied.
 */
public final class RecordSender extends ServiceSupport {

    /** Waits, in milliseconds: a seam for tests; in the application the stop signal's wait, which a stop cuts short. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final Sink sink;
    private final PublishMetrics metrics;
    private final StopSignal stop;
    private final Outage outage;
    private final Clock clock;
    private final Sleeper sleeper;

    public RecordSender(Sink sink, PublishMetrics metrics, StopSignal stop, Outage outage, Clock clock,
            Sleeper sleeper) {
        this.sink = sink;
        this.metrics = metrics;
        this.stop = stop;
        this.outage = outage;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The file's rows are all done: the destination is told ({@link Sink#fileDone}). */
    void fileDone(String fileName) throws Exception {
        sink.fileDone(fileName);
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(sink);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(sink);
    }

    /**
     * Delivers the group once: at its first delivery sends its records, each when it is due; at a redelivery sends
     * again the ones not acknowledged. When some are still not acknowledged it throws, for the error handler to
     * redeliver the group while {@link RecordTimeout} allows. A request that fails while the destination cannot take
     * records at all (deleted, out of reach) waits for it ({@link Outage}), and the group's budget starts again.
     */
    void deliver(Group group, FilePublishing progress, Pacing pacing, Pacing.Pace pace) throws InterruptedException {
        boolean afterOutage = false;
        try {
            if (group.firstDelivery()) {
                sendAsDue(group, progress, pacing, pace);
            } else {
                List<PendingRecord> notAcknowledged = new ArrayList<>();
                try {
                    send(group.pending(), notAcknowledged, progress);
                } finally {
                    group.pending(notAcknowledged, progress);
                }
            }
        } catch (PublishingStoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            group.notAcknowledged(clock.instant());
            if (!outage.rideOut(e, progress.fileName())) {
                throw e;
            }
            group.afterOutage(clock.instant());
            afterOutage = true;
        }
        List<PendingRecord> pending = group.pending();
        if (!pending.isEmpty()) {
            Instant now = clock.instant();
            group.notAcknowledged(now);
            throw new RecordsNotAcknowledgedException(String.format(
                    "%s: %d records (lines %d to %d) not acknowledged by %s after %d deliveries over %d s; "
                            + "last error: %s", progress.fileName(), pending.size(), pending.get(0).row().line(),
                    pending.get(pending.size() - 1).row().line(), sink.destination(), group.deliveries(),
                    group.notAcknowledgedFor(now).toSeconds(), pending.get(0).lastError()),
                    pending.stream().allMatch(r -> r.lastFailure() != null && r.lastFailure().throttled()),
                    pending.stream().allMatch(r -> r.lastFailure() == null || r.lastFailure().retryable()),
                    afterOutage);
        }
    }

    /**
     * The first pass over a group: records go out as they fall due, the ones not acknowledged travelling with the next
     * ones due. Unpaced, everything is due at once: one pass.
     */
    private void sendAsDue(Group group, FilePublishing progress, Pacing pacing, Pacing.Pace pace)
            throws InterruptedException {
        List<PendingRecord> waiting = group.pending();
        List<PendingRecord> carried = new ArrayList<>();
        int next = 0;
        try {
            while (next < waiting.size()) {
                Instant due = pace.due(waiting.get(next).row());
                progress.nextDue(due == Pacing.NOW ? null : due);
                waitUntil(due);
                if (pacing.isPaced() && stop.isRaised()) {
                    throw new PublishingStoppedException(progress.fileName());
                }
                int end = next + 1;
                while (end < waiting.size() && !pace.due(waiting.get(end).row()).isAfter(clock.instant())) {
                    end++;
                }
                List<PendingRecord> slice = new ArrayList<>(carried);
                slice.addAll(waiting.subList(next, end));
                carried = new ArrayList<>();
                next = end;
                send(slice, carried, progress);
            }
        } finally {
            List<PendingRecord> pending = new ArrayList<>(carried);
            pending.addAll(waiting.subList(next, waiting.size()));
            group.pending(pending, progress);
        }
    }

    private void waitUntil(Instant due) throws InterruptedException {
        if (due != Pacing.NOW) {
            long millis = Duration.between(clock.instant(), due).toMillis();
            if (millis > 0) {
                sleeper.sleep(millis);
            }
        }
    }

    /**
     * One pass over records through the sink. The records not acknowledged, and when the sink throws the ones it did
     * not answer for (with the sink's failure as their last error), are added to {@code notAcknowledged}.
     */
    private void send(List<PendingRecord> toSend, List<PendingRecord> notAcknowledged, FilePublishing progress)
            throws InterruptedException {
        long resent = toSend.stream().filter(r -> r.lastFailure() != null).count();
        progress.retried(resent);
        metrics.retried(resent);
        progress.inFlight(toSend.size());
        int[] answered = {0};
        Sink.Failure unanswered = new Sink.Failure("not answered: the send was cut off", true, false);
        try {
            sink.send(progress.fileName(), toSend, (part, failures) -> {
                if (failures.size() != part.size()) {
                    throw new IllegalStateException(String.format("%s answered %d results for %d records",
                            sink.destination(), failures.size(), part.size()));
                }
                int acknowledged = 0;
                for (int i = 0; i < part.size(); i++) {
                    Sink.Failure failure = failures.get(i);
                    if (failure == null) {
                        acknowledged++;
                    } else {
                        if (failure.throttled()) {
                            metrics.throttled(1);
                        }
                        notAcknowledged.add(part.get(i).failedWith(failure));
                    }
                }
                progress.file().acknowledged(acknowledged);
                metrics.published(acknowledged);
                answered[0] += part.size();
            });
        } catch (RuntimeException e) {
            unanswered = new Sink.Failure(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
                    true, false);
            throw e;
        } finally {
            for (PendingRecord record : toSend.subList(answered[0], toSend.size())) {
                notAcknowledged.add(record.failedWith(unanswered));
            }
            progress.inFlight(-toSend.size());
        }
    }
}
