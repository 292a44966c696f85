package io.github.txsim.labels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.publish.RetryPolicy;
import io.github.txsim.publish.Sink;
import io.github.txsim.publish.Waiting;
import io.github.txsim.rows.TransactionRecord;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the label events whose time has come to the label stream's sink, in time order, in groups of at most
 * {@code groupSize}: an event goes out once the transactions acknowledged have reached its known time
 * ({@link LabelKeeper#eventTime}), or the paced clock has ({@link #follow}: realtime, speed-up), so that a consumer
 * reading both streams sees a label when it would have come. The
 * store is the retry queue: an event not acknowledged stays in it and goes again after the retry policy's wait; one
 * acknowledged is noted there and never goes again.
 */
public final class LabelPublisher extends ServiceSupport implements Waiting {

    private static final Logger LOG = LoggerFactory.getLogger(LabelPublisher.class);
    /** The label stream's records all come from this "file", as a sink names them. */
    static final String FILE_NAME = "labels";
    private static final long IDLE_MILLIS = 200;

    private final LabelKeeper keeper;
    private final Sink sink;
    private final RetryPolicy retry;
    private final int groupSize;
    private final Object lock = new Object();
    private Thread thread;
    private volatile boolean running;
    private volatile boolean sendAll;
    private volatile Supplier<LocalDateTime> pacedEventTime = () -> null;
    private volatile boolean idle;
    private long sent;
    /** Since when label events fail to go, and why: the label stream's readiness. */
    private volatile Instant failingSince;
    private volatile String failure;

    public LabelPublisher(LabelKeeper keeper, Sink sink, RetryPolicy retry, int groupSize) {
        this.keeper = keeper;
        this.sink = sink;
        this.retry = retry;
        this.groupSize = groupSize;
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(sink);
        running = true;
        thread = new Thread(this::run, "label-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(30).toMillis());
        sink.fileDone(FILE_NAME);
        ServiceHelper.stopService(sink);
        keeper.store().close();
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                LocalDateTime clock = sendAll ? LocalDateTime.MAX : clock();
                List<PendingLabels.Pending> due = keeper.store().due(clock, groupSize);
                if (due.isEmpty()) {
                    idle = true;
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                    Thread.sleep(IDLE_MILLIS);
                    continue;
                }
                idle = false;
                if (send(due, failures == 0)) {
                    if (failures > 0) {
                        LOG.info("{} takes label events again", sink.destination());
                    }
                    failures = 0;
                    failingSince = null;
                    if (due.size() < groupSize && !sendAll) {
                        // what comes due meanwhile goes in one request, not in one each (a backfill reaches a
                        // label's time every few rows)
                        Thread.sleep(IDLE_MILLIS);
                    }
                } else {
                    failing();
                    Thread.sleep(retry.delay(++failures).toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (failures == 0) {
                    LOG.warn("Label events not sent to {}: {}; they wait on disk and go again", sink.destination(),
                            e.getMessage());
                }
                failure = e.getMessage();
                failing();
                try {
                    Thread.sleep(retry.delay(++failures).toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void failing() {
        if (failingSince == null) {
            failingSince = Instant.now();
        }
    }

    /** Since when label events fail to go to the label stream; null while they go. */
    @Override
    public Instant since() {
        return failingSince;
    }

    @Override
    public String reason() {
        return failingSince == null ? null : "label events wait on disk: " + failure;
    }

    /**
     * Follows the pacing's event time too: in realtime or speed-up pacing a label goes out when the paced clock
     * reaches its time, even while no transaction is due.
     *
     * @param eventTime the paced event time now, or null when the pacing does not follow event time
     */
    public void follow(Supplier<LocalDateTime> eventTime) {
        pacedEventTime = eventTime;
    }

    /** The label stream's clock: the later of the transactions acknowledged and the paced event time. */
    private LocalDateTime clock() {
        LocalDateTime acknowledged = keeper.eventTime();
        LocalDateTime paced = pacedEventTime.get();
        return paced != null && paced.isAfter(acknowledged) ? paced : acknowledged;
    }

    /**
     * Sends the events once; answers whether every one was acknowledged.
     *
     * @param say whether a failure is said (the first of a run of them: an outage is said once)
     */
    private boolean send(List<PendingLabels.Pending> due, boolean say) throws Exception {
        List<PendingRecord> records = new ArrayList<>(due.size());
        Map<PendingRecord, PendingLabels.Pending> events = new IdentityHashMap<>();
        for (PendingLabels.Pending pending : due) {
            PendingRecord record = new PendingRecord(new TransactionRecord(null, pending.partitionKey(),
                    pending.json().getBytes(StandardCharsets.UTF_8)), null);
            records.add(record);
            events.put(record, pending);
        }
        List<PendingLabels.Pending> acknowledged = new ArrayList<>();
        String[] error = {null};
        try {
            sink.send(FILE_NAME, records, (part, results) -> {
                for (int i = 0; i < part.size(); i++) {
                    PendingLabels.Pending pending = events.get(part.get(i));
                    if (results.get(i) == null) {
                        acknowledged.add(pending);
                    } else {
                        error[0] = results.get(i).error();
                    }
                }
            });
        } catch (RuntimeException e) {
            String down = sink.unavailable(e);
            error[0] = down != null ? down : e.getMessage();
        } finally {
            keeper.store().sent(acknowledged);
            List<PendingLabels.Pending> again = new ArrayList<>(due);
            again.removeAll(acknowledged);
            keeper.store().notSent(again);
            synchronized (this) {
                sent += acknowledged.size();
            }
        }
        if (acknowledged.size() < due.size()) {
            failure = error[0];
            if (say) {
                LOG.warn("{} of {} label events not acknowledged by {}: {}; they wait on disk and go again",
                        due.size() - acknowledged.size(), due.size(), sink.destination(), error[0]);
            }
            return false;
        }
        return true;
    }

    /**
     * The end of a run-once run: the events due are sent (with labels.atEnd=send, every event waiting), and a line
     * says how many went and how many wait.
     *
     * @param sendWaiting whether to send the events not due yet too
     */
    public String finishRun(boolean sendWaiting, Duration within) throws Exception {
        sendAll = sendWaiting;
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (lock) {
            idle = false;
            while (!idle && System.nanoTime() < deadline) {
                lock.wait(IDLE_MILLIS);
            }
        }
        sink.fileDone(FILE_NAME); // a folder of files puts the events sent into place for readers
        PendingLabels store = keeper.store();
        long waiting = store.waiting();
        return String.format("Label events: %,d sent to %s, %,d waiting%s", sentSoFar(), sink.destination(), waiting,
                store.nextDue().map(due -> " (the next known at " + due.toString().replace('T', ' ') + ")")
                        .orElse(""));
    }

    private synchronized long sentSoFar() {
        return sent;
    }
}
