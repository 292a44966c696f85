package io.github.txsim.kafka;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.txsim.rows.TransactionRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledgements not confirmed yet: a topic deleted (and perhaps created again) takes with it the records it
 * acknowledged, those acknowledged while it was being deleted too. Every {@link #EVERY_MILLIS} ms while some are
 * unconfirmed, a look at the topic ({@link TopicWatch}) confirms the acknowledgements given before it began when it
 * finds the topic they were sent to; those of a topic it finds gone or replaced are kept to be sent again
 * ({@link #takeLost}). Publishing never waits for a look: the records wait here instead, their key and data only,
 * as many as a tenth of a second or so of publishing gives (and a look at the topic takes).
 */
final class Confirmations implements AutoCloseable {

    static final long EVERY_MILLIS = 100;
    /**
     * The most records held unconfirmed: past it, a send first waits for a look (when looks fail, the cluster cannot
     * say, and publishing waits for it as for an outage), so that memory stays bounded whatever the looks do.
     */
    static final int MOST_UNCONFIRMED = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(Confirmations.class);

    /** A record as it was sent (its key and data). */
    record Acked(String key, byte[] data) {
    }

    /** Records acknowledged together: when, by the topic then current (null: none was). */
    private record Pass(long atNanos, Uuid sentTo, List<Acked> records) {
    }

    private final TopicWatch topic;
    private final Deque<Pass> unconfirmed = new ArrayDeque<>();
    private int unconfirmedRecords;
    private final List<Acked> lost = new ArrayList<>();
    private final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-acknowledgements");
        thread.setDaemon(true);
        return thread;
    });

    Confirmations(TopicWatch topic) {
        this.topic = topic;
        looks.scheduleWithFixedDelay(this::lookQuietly, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Records acknowledged now, sent while {@code sentTo} was the current topic. */
    void acknowledged(Uuid sentTo, List<TransactionRecord> records) {
        List<Acked> acked = new ArrayList<>(records.size());
        records.forEach(record -> acked.add(new Acked(record.partitionKey(), record.data())));
        acknowledgedAgain(sentTo, acked);
    }

    /** Records sent again, and acknowledged again now. */
    synchronized void acknowledgedAgain(Uuid sentTo, List<Acked> records) {
        if (!records.isEmpty()) {
            unconfirmed.add(new Pass(System.nanoTime(), sentTo, records));
            unconfirmedRecords += records.size();
        }
    }

    /** The records a topic acknowledged that went since: they are the caller's to send again. */
    synchronized List<Acked> takeLost() {
        List<Acked> taken = List.copyOf(lost);
        lost.clear();
        return taken;
    }

    /** Records taken to be sent again that were not acknowledged: kept for the next attempt. */
    synchronized void putBack(List<Acked> records) {
        lost.addAll(0, records);
    }

    /**
     * Looks now: the acknowledgements given before the look began are confirmed, or lost when their topic went.
     *
     * @return whether the look could tell (the cluster answered)
     */
    boolean look() throws InterruptedException {
        synchronized (this) {
            if (unconfirmed.isEmpty()) {
                return true;
            }
        }
        long started = System.nanoTime();
        Uuid found;
        try {
            found = topic.describe().id();
        } catch (UnknownTopicOrPartitionException gone) {
            found = null;
        } catch (KafkaException cannotSay) {
            return false;
        }
        topic.found(found);
        synchronized (this) {
            while (!unconfirmed.isEmpty() && unconfirmed.peekFirst().atNanos() < started) {
                Pass pass = unconfirmed.pollFirst();
                unconfirmedRecords -= pass.records().size();
                if (!TopicWatch.counts(pass.sentTo(), found)) {
                    lost.addAll(pass.records());
                }
            }
        }
        return true;
    }

    /**
     * Before a send: with too many records unconfirmed, a look now.
     *
     * @throws KafkaException when the look cannot tell: the cluster does not answer
     */
    void makeRoom() throws InterruptedException {
        boolean full;
        synchronized (this) {
            full = unconfirmedRecords > MOST_UNCONFIRMED;
        }
        if (full && !look()) {
            throw new KafkaException(String.format("more than %,d acknowledged records wait for a look at the topic "
                    + "to confirm them, and the cluster does not answer", MOST_UNCONFIRMED));
        }
    }

    private void lookQuietly() {
        try {
            look();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("A look at the topic failed", e);
        }
    }

    @Override
    public void close() {
        looks.shutdownNow();
    }
}
