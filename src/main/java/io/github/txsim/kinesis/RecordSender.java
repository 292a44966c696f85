package io.github.txsim.kinesis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.files.FileProgress;
import io.github.txsim.files.PublishingStoppedException;
import io.github.txsim.files.StopSignal;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Sends a group's records to the stream with PutRecords: each when it is due ({@link Pacing}), in requests within
 * Kinesis's limits, each request waiting for room in its shards ({@link ShardRateLimiter}, when given). PutRecords can
 * succeed for some records and fail others without throwing: the group keeps the failed ones, and the error handler's
 * redeliveries send only them again ({@link RecordTimeout}), so an acknowledged record is never sent twice. The SDK
 * itself does not retry PutRecords ({@link KinesisStream#putRecords}): one retry policy, not two multiplied.
 */
public final class RecordSender extends ServiceSupport {

    /** Kinesis takes at most 500 records and 5 MiB in one PutRecords request. */
    public static final int MAX_RECORDS_PER_REQUEST = 500;
    static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;
    private static final String THROTTLED = "ProvisionedThroughputExceededException";

    /** Waits, in milliseconds: a seam for tests; in the application the stop signal's wait, which a stop cuts short. */
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final KinesisStream stream;
    private final PublishMetrics metrics;
    private final ShardRateLimiter rateLimiter;
    private final StopSignal stop;
    private final StreamOutage outage;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @param rateLimiter keeps requests within the shards' limits; null sends as fast as the stream answers */
    public RecordSender(KinesisStream stream, PublishMetrics metrics, ShardRateLimiter rateLimiter,
            StopSignal stop, StreamOutage outage, Clock clock, Sleeper sleeper) {
        this.stream = stream;
        this.metrics = metrics;
        this.rateLimiter = rateLimiter;
        this.stop = stop;
        this.outage = outage;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(stream);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(stream);
    }

    /**
     * Delivers the group once: at its first delivery sends its records, each when it is due; at a redelivery sends
     * again the ones Kinesis did not acknowledge. When some are still not acknowledged it throws, for the error
     * handler to redeliver the group while {@link RecordTimeout} allows. A request that fails while the stream cannot
     * take records (deleted, out of reach) waits for it ({@link StreamOutage}), and the group's budget starts again.
     */
    void deliver(Group group, FileProgress progress, Pacing pacing, Pacing.Pace pace) throws InterruptedException {
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
        } catch (SdkException e) {
            group.notAcknowledged(clock.instant());
            outage.rideOut(e, progress.fileName());
            group.afterOutage(clock.instant());
        }
        List<PendingRecord> pending = group.pending();
        if (!pending.isEmpty()) {
            Instant now = clock.instant();
            group.notAcknowledged(now);
            throw new RecordsNotAcknowledgedException(String.format(
                    "%s: %d records (lines %d to %d) not acknowledged by stream %s after %d deliveries over %d s; "
                            + "last error: %s", progress.fileName(), pending.size(), pending.get(0).row().line(),
                    pending.get(pending.size() - 1).row().line(), stream.name(), group.deliveries(),
                    group.notAcknowledgedFor(now).toSeconds(), pending.get(0).lastError()),
                    pending.stream().allMatch(r -> r.lastError() != null && r.lastError().startsWith(THROTTLED)));
        }
    }

    /**
     * The first pass over a group: records go out as they fall due, the ones not acknowledged travelling with the next
     * ones due. Unpaced, everything is due at once: one pass, in requests within Kinesis's limits.
     */
    private void sendAsDue(Group group, FileProgress progress, Pacing pacing, Pacing.Pace pace)
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
     * One pass over records, in requests within Kinesis's limits. The records not acknowledged, and on an exception
     * the ones not sent, are added to {@code notAcknowledged}.
     */
    private void send(List<PendingRecord> toSend, List<PendingRecord> notAcknowledged, FileProgress progress)
            throws InterruptedException {
        int sent = 0;
        progress.inFlight(toSend.size());
        try {
            for (List<PendingRecord> request : requests(toSend)) {
                long resent = request.stream().filter(r -> r.lastError() != null).count();
                progress.retried(resent);
                metrics.retried(resent);
                if (rateLimiter != null) {
                    rateLimiter.acquire(request.stream().map(PendingRecord::record).toList());
                }
                long started = System.nanoTime();
                PutRecordsResponse response = stream.putRecords(request.stream().map(PendingRecord::entry).toList());
                metrics.putRecords(Duration.ofNanos(System.nanoTime() - started));
                List<PutRecordsResultEntry> results = response.records();
                if (results.size() != request.size()) {
                    throw new IllegalStateException(String.format(
                            "PutRecords answered %d results for %d records", results.size(), request.size()));
                }
                int acknowledged = 0;
                for (int i = 0; i < results.size(); i++) {
                    PutRecordsResultEntry result = results.get(i);
                    if (result.errorCode() == null) {
                        acknowledged++;
                    } else {
                        if (THROTTLED.equals(result.errorCode())) {
                            metrics.throttled(1);
                        }
                        notAcknowledged.add(request.get(i).failedWith(result.errorCode() + ": "
                                + result.errorMessage()));
                    }
                }
                progress.acknowledged(acknowledged);
                metrics.published(acknowledged);
                sent += request.size();
            }
        } finally {
            notAcknowledged.addAll(toSend.subList(sent, toSend.size()));
            progress.inFlight(-toSend.size());
        }
    }

    /** Cuts records into PutRecords requests of at most 500 records and 5 MiB, in order. */
    static List<List<PendingRecord>> requests(List<PendingRecord> records) {
        List<List<PendingRecord>> requests = new ArrayList<>();
        List<PendingRecord> current = new ArrayList<>();
        long bytes = 0;
        for (PendingRecord record : records) {
            if (current.size() == MAX_RECORDS_PER_REQUEST || bytes + record.size() > MAX_REQUEST_BYTES) {
                requests.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(record);
            bytes += record.size();
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }
}
