package io.github.txsim.publish;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.txsim.rows.InvalidRowException;
import io.github.txsim.rows.Reject;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionRecords;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.ShutdownPrepared;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one group of a file's rows, the publish route's split step:
 * <ul>
 * <li>rows an earlier run had done (see {@link io.github.txsim.files.Checkpoints}) are skipped, the others become
 * records ({@link TransactionRecords}) or rejects, with their line and reason;</li>
 * <li>a group starts at most {@code rowsAhead} rows past the file's checkpoint: while an older group retries, newer
 * ones wait, so a crash resends at most the groups in flight;</li>
 * <li>the {@link RecordSender} sends the records as they fall due, and once all are acknowledged the file's checkpoint
 * may move past the group;</li>
 * <li>when the route is told to stop ({@link StopSignal}), no new group starts and waits end: a group waiting for
 * its records' time, or between retries, is abandoned (its records not acknowledged yet go again at the next start,
 * from the checkpoint); a group whose requests are on their way finishes them.</li>
 * </ul>
 * It knows nothing of where the records go ({@link Sink}). Camel's own producers cannot answer per record (aws2-kinesis
 * uses one partition key per batch and resends whole batches; kafka fails an exchange as a whole), hence a processor
 * with sinks that call the SDK or the client themselves. It starts and stops the sink with the route, so the sink is
 * checked before the route takes its first file.
 */
public final class GroupPublisher extends ServiceSupport implements Processor, ShutdownPrepared {

    /** The exchange property that holds the group being published. */
    static final String GROUP = "txsim.group";
    private static final Logger LOG = LoggerFactory.getLogger(GroupPublisher.class);
    private static final int REJECTS_LOGGED_PER_GROUP = 5;

    private final TransactionRecords records;
    private final RecordSender sender;
    private final Pacing pacing;
    private final Clock clock;
    private final PublishMetrics metrics;
    private final StopSignal stop;
    private final long rowsAhead;
    private final AcknowledgedRows acknowledged;
    private final AtomicReference<FilePace> pace = new AtomicReference<>();

    /** The pace of the file being published (one file at a time). */
    private record FilePace(FilePublishing file, Pacing.Pace pace) {
    }

    /**
     * @param stop      raised when the route is told to stop (by this processor, see {@link #prepareShutdown})
     * @param rowsAhead how far past the file's checkpoint a group may start, in rows: the groups in flight
     *                  (publish.maxInFlight x publish.groupSize)
     */
    public GroupPublisher(TransactionRecords records, RecordSender sender, Pacing pacing, Clock clock,
            PublishMetrics metrics, StopSignal stop, long rowsAhead) {
        this(records, sender, pacing, clock, metrics, stop, rowsAhead, AcknowledgedRows.NONE);
    }

    /** @param acknowledged told of each group's rows once all of its records are acknowledged */
    public GroupPublisher(TransactionRecords records, RecordSender sender, Pacing pacing, Clock clock,
            PublishMetrics metrics, StopSignal stop, long rowsAhead, AcknowledgedRows acknowledged) {
        this.acknowledged = acknowledged;
        this.records = records;
        this.sender = sender;
        this.pacing = pacing;
        this.clock = clock;
        this.metrics = metrics;
        this.stop = stop;
        this.rowsAhead = rowsAhead;
    }

    @Override
    protected void doStart() {
        stop.lower();
        ServiceHelper.startService(sender);
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
        ServiceHelper.stopService(sender);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        FilePublishing progress = exchange.getProperty(FilePublishing.PROPERTY, FilePublishing.class);
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
        sender.deliver(group, progress, pacing, paceOf(progress));
        acknowledged.acknowledged(progress.fileName(), group.recordRows());
        progress.groupDone(group);
    }

    /**
     * The file's rows are all done, acknowledged or rejected (the route's step before the file is archived): the
     * destination is told.
     */
    public void fileDone(Exchange exchange) throws Exception {
        sender.fileDone(exchange.getProperty(FilePublishing.PROPERTY, FilePublishing.class).fileName());
    }

    /**
     * The event time the pacing has reached now (the wall clock in realtime, the speed-up's clock from the last file
     * paced), or null when the pacing does not follow event time ({@code max}, {@code rate:}).
     */
    public LocalDateTime pacedEventTime() {
        FilePace current = pace.get();
        return current == null ? null : current.pace().eventTimeAt(clock.instant());
    }

    private Pacing.Pace paceOf(FilePublishing progress) {
        progress.paceTarget(pacing.target());
        return pace.updateAndGet(current -> current != null && current.file() == progress ? current
                : new FilePace(progress, pacing.startFile(clock))).pace();
    }

    /** Turns the rows into records, skipping those done by an earlier run, rejecting bad rows. */
    private Group prepare(List<SourceRow> rows, FilePublishing progress) {
        List<PendingRecord> pending = new ArrayList<>(rows.size());
        List<Reject> rejects = new ArrayList<>();
        for (SourceRow row : rows) {
            if (row.number() <= progress.file().resumedAfter()) {
                continue;
            }
            try {
                pending.add(new PendingRecord(records.of(row, progress.fileName())));
            } catch (InvalidRowException e) {
                if (rejects.size() < REJECTS_LOGGED_PER_GROUP) {
                    LOG.warn("Rejected {}", e.getMessage());
                }
                rejects.add(new Reject(row.line(), e.reason(), row.asCsv()));
            }
        }
        progress.file().rejected(rejects.size());
        metrics.rejected(rejects.size());
        return new Group(pending, rejects, rows.get(0), rows.get(rows.size() - 1));
    }
}
