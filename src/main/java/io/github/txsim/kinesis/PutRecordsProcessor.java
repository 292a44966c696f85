package io.github.txsim.kinesis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.InvalidRowException;
import io.github.txsim.rows.Reject;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionJson;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ShutdownPrepared;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Publishes one group of CSV rows: one JSON record per row, each with its own partition key (the row's
 * partition-key column), in PutRecords requests of at most 500 records and 5 MiB.
 * <ul>
 * <li>A row that cannot become a record (one {@link io.github.txsim.rows.SourceRows} found wrong, a value
 * {@link TransactionJson} cannot convert, an empty partition key, a record over Kinesis's 1 MiB) is rejected with its
 * line and reason; the other rows are still published.</li>
 * <li>PutRecords can succeed for some records and fail others without throwing. Only the failed ones are sent again,
 * with exponential back-off and full jitter ({@link RecordRetry}), so an acknowledged record is never sent twice.
 * When the attempts are used up, the remaining records stay on the exchange and the processor throws: the error
 * handler's redeliveries again send only those.</li>
 * <li>Once every record of the group is acknowledged (or rejected), the file's checkpoint moves past the group.</li>
 * <li>Rows that an earlier run had done already (see {@link Checkpoints}) are skipped.</li>
 * <li>A group starts at most {@code rowsAhead} rows past the file's checkpoint: while an older group retries, newer
 * ones wait, so a crash resends at most the groups in flight.</li>
 * <li>Records go out when they are due ({@link Pacing}): at once, or at their event time, or sped up. The route's
 * split waits meanwhile (paced publishing sends one group at a time), so no rows are read ahead.</li>
 * <li>Requests wait for room in the shards they write to ({@link ShardRateLimiter}), when a limiter is given.</li>
 * <li>When the route is told to stop ({@link StopSignal}), no new group starts and waits end: a group waiting for
 * its records' time, or between retries, is abandoned (its records not acknowledged yet go again at the next start,
 * from the checkpoint); a group whose requests are on their way finishes them.</li>
 * </ul>
 * (Camel's own aws2-kinesis batch producer uses one partition key per batch and resends whole batches, which is why
 * this processor calls the SDK itself.) It starts and stops the stream with the route that uses it, so the stream
 * is checked before the route consumes its first file.
 */
public final class PutRecordsProcessor extends ServiceSupport implements Processor, ShutdownPrepared {

    static final int MAX_RECORDS_PER_REQUEST = 500;
    static final long MAX_REQUEST_BYTES = 5L * 1024 * 1024;
    static final long MAX_RECORD_BYTES = 1024 * 1024;
    /** The exchange property that holds the group being published. */
    static final String GROUP = "txsim.group";
    private static final Logger LOG = LoggerFactory.getLogger(PutRecordsProcessor.class);
    private static final int REJECTS_LOGGED_PER_GROUP = 5;
    private static final String THROTTLED = "ProvisionedThroughputExceededException";

    private final KinesisStream stream;
    private final TransactionJson json = new TransactionJson();
    private final String partitionKeyColumn;
    private final RecordRetry retry;
    private final BackoffStrategy backoff;
    private final Checkpoints checkpoints;
    private final Pacing pacing;
    private final PublishMetrics metrics;
    private final ShardRateLimiter rateLimiter;
    private final StopSignal stop;
    private final long rowsAhead;

    /**
     * @param rateLimiter keeps requests within the shards' limits; null sends as fast as the stream answers
     * @param stop        raised when the route is told to stop (by this processor, see {@link #prepareShutdown})
     * @param rowsAhead   how far past the file's checkpoint a group may start, in rows: the groups in flight
     *                    (publish.maxInFlight x publish.groupSize)
     */
    public PutRecordsProcessor(KinesisStream stream, String partitionKeyColumn, RecordRetry retry,
            Checkpoints checkpoints, Pacing pacing, PublishMetrics metrics, ShardRateLimiter rateLimiter,
            StopSignal stop, long rowsAhead) {
        this.stream = stream;
        this.partitionKeyColumn = partitionKeyColumn;
        this.retry = retry;
        this.backoff = retry.backoff();
        this.checkpoints = checkpoints;
        this.pacing = pacing;
        this.metrics = metrics;
        this.rateLimiter = rateLimiter;
        this.stop = stop;
        this.rowsAhead = rowsAhead;
    }

    /**
     * A group of rows in flight: the records not acknowledged yet, the rows rejected, its first and last rows, and
     * where its last row ends in the file.
     */
    static final class Group {
        private List<PendingRecord> pending;
        private final List<Reject> rejects;
        private final long firstRowNumber;
        private final long lastRowNumber;
        private final FilePrefix end;

        Group(List<PendingRecord> pending, List<Reject> rejects, SourceRow first, SourceRow last) {
            this.pending = pending;
            this.rejects = rejects;
            this.firstRowNumber = first.number();
            this.lastRowNumber = last.number();
            this.end = last.end();
        }

        List<PendingRecord> pending() {
            return pending;
        }
    }

    /** The columns a file must have to be published, each with what it is for. */
    public Map<String, String> requiredColumns() {
        return Map.of(partitionKeyColumn, "the partition key column (kinesis.partitionKeyColumn)");
    }

    @Override
    protected void doStart() {
        stop.lower();
        ServiceHelper.startService(stream);
    }

    /**
     * Camel's graceful shutdown calls this once the route's consumer has stopped taking files. A suspension (the
     * route to be resumed later, not restarted) leaves the file in flight to finish.
     */
    @Override
    public void prepareShutdown(boolean suspendOnly, boolean forced) {
        if (!suspendOnly) {
            stop.raise();
        }
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(stream);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        FileProgress progress = exchange.getProperty(FileProgress.PROPERTY, FileProgress.class);
        if (stop.isRaised()) {
            throw new PublishingStoppedException(progress.fileName());
        }
        Group group = exchange.getProperty(GROUP, Group.class);
        if (group == null) {
            @SuppressWarnings("unchecked")
            List<SourceRow> rows = exchange.getMessage().getMandatoryBody(List.class);
            if (!progress.awaitTurn(rows.get(0).number(), rowsAhead, stop)) {
                throw stop.isRaised() ? new PublishingStoppedException(progress.fileName())
                        : new PublishingStoppedException(progress.fileName(), "another group of the file failed");
            }
            group = prepare(rows, progress);
            exchange.setProperty(GROUP, group);
        }
        deliver(group, progress);
        // the checkpoint moves with the contiguous watermark, which stays right should groups end out of order
        synchronized (progress) {
            checkpoints.save(progress.file(), progress.groupDone(group.firstRowNumber, group.lastRowNumber,
                    group.rejects.size(), group.end), group.rejects);
        }
    }

    /** Turns the rows into records, skipping those done by an earlier run, rejecting bad rows. */
    private Group prepare(List<SourceRow> rows, FileProgress progress) {
        List<PendingRecord> pending = new ArrayList<>(rows.size());
        List<Reject> rejects = new ArrayList<>();
        for (SourceRow row : rows) {
            if (row.number() <= progress.resumedAfter()) {
                continue;
            }
            try {
                if (row.problem() != null) {
                    throw new InvalidRowException(progress.fileName(), row, row.problem());
                }
                PendingRecord record = new PendingRecord(row, toEntry(row, progress.fileName()), null);
                if (record.size() > MAX_RECORD_BYTES) {
                    throw new InvalidRowException(progress.fileName(), row, String.format(
                            "the record would be %,d bytes, over Kinesis's limit of %,d", record.size(),
                            MAX_RECORD_BYTES));
                }
                pending.add(record);
            } catch (InvalidRowException e) {
                if (rejects.size() < REJECTS_LOGGED_PER_GROUP) {
                    LOG.warn("Rejected {}", e.getMessage());
                }
                rejects.add(new Reject(row.line(), e.reason(), row.asCsv()));
            }
        }
        progress.rejected(rejects.size());
        metrics.rejected(rejects.size());
        return new Group(pending, rejects, rows.get(0), rows.get(rows.size() - 1));
    }

    /** The row's record; the file's header has the partition-key column ({@link #requiredColumns()}). */
    private PutRecordsRequestEntry toEntry(SourceRow row, String fileName) {
        String partitionKey = row.get(partitionKeyColumn);
        if (partitionKey.isEmpty() || partitionKey.length() > 256) {
            throw new InvalidRowException(fileName, row, partitionKeyColumn
                    + " must have 1 to 256 characters: it is the partition key, was '" + partitionKey + "'");
        }
        return PutRecordsRequestEntry.builder()
                .partitionKey(partitionKey)
                .data(SdkBytes.fromByteArrayUnsafe(json.toJson(row, fileName)))
                .build();
    }

    /**
     * Sends the group's pending records, each when it is due (see {@link Pacing}), then sends the ones Kinesis did
     * not acknowledge again until it acknowledged them all, or the attempts are used up.
     */
    private void deliver(Group group, FileProgress progress) throws InterruptedException {
        sendAsDue(group, progress);
        for (int attempt = 1; !group.pending.isEmpty(); attempt++) {
            if (attempt >= retry.attempts()) {
                throw new RecordsNotAcknowledgedException(String.format(
                        "%s: %d records (lines %d to %d) not acknowledged by stream %s after %d attempts; last "
                                + "error: %s", progress.fileName(), group.pending.size(),
                        group.pending.get(0).row().line(), group.pending.get(group.pending.size() - 1).row().line(),
                        stream.name(), attempt, group.pending.get(0).lastError()));
            }
            stop.await(backoff.computeDelay(attempt).toMillis());
            if (stop.isRaised()) {
                throw new PublishingStoppedException(progress.fileName());
            }
            List<PendingRecord> notAcknowledged = new ArrayList<>();
            try {
                send(group.pending, notAcknowledged, progress);
            } finally {
                group.pending = notAcknowledged;
                progress.undelivered(group.firstRowNumber, notAcknowledged);
            }
        }
    }

    /**
     * The first pass over a group: records go out as they fall due, the ones not acknowledged travelling with the next
     * ones due. Unpaced, everything is due at once: one pass, in requests within Kinesis's limits.
     */
    private void sendAsDue(Group group, FileProgress progress) throws InterruptedException {
        List<PendingRecord> waiting = group.pending;
        List<PendingRecord> carried = new ArrayList<>();
        int next = 0;
        try {
            while (next < waiting.size()) {
                Instant due = pacing.due(waiting.get(next).row(), progress);
                pacing.waitUntil(due);
                if (pacing.isPaced() && stop.isRaised()) {
                    throw new PublishingStoppedException(progress.fileName());
                }
                int end = next + 1;
                while (end < waiting.size() && pacing.isDue(pacing.due(waiting.get(end).row(), progress))) {
                    end++;
                }
                List<PendingRecord> slice = new ArrayList<>(carried);
                slice.addAll(waiting.subList(next, end));
                carried = new ArrayList<>();
                next = end;
                progress.lagSeconds(pacing.lateness(due));
                send(slice, carried, progress);
            }
        } finally {
            List<PendingRecord> pending = new ArrayList<>(carried);
            pending.addAll(waiting.subList(next, waiting.size()));
            group.pending = pending;
            progress.undelivered(group.firstRowNumber, pending);
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
                List<PutRecordsRequestEntry> entries = request.stream().map(PendingRecord::entry).toList();
                if (rateLimiter != null) {
                    rateLimiter.acquire(entries);
                }
                long started = System.nanoTime();
                PutRecordsResponse response = stream.putRecords(entries);
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
