package io.github.txsim.kafka;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.publish.Sink;
import io.github.txsim.rows.TransactionRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * The producer's sends whose outcome the publisher has not been told yet, by record. A send the publisher stopped
 * waiting for (the cluster out of reach) stays with the producer, which retries it itself; when the publisher sends the
 * record again, it gets that send back instead of a second one, unless it failed already: one record, one send.
 */
final class OpenSends {

    private final Map<TransactionRecord, Future<RecordMetadata>> open =
            Collections.synchronizedMap(new IdentityHashMap<>());

    /** The record's open send if it has one that did not fail, else a new one. */
    Future<RecordMetadata> sendOrReuse(TransactionRecord record,
            Function<TransactionRecord, Future<RecordMetadata>> send) {
        Future<RecordMetadata> earlier = open.isEmpty() ? null : open.remove(record);
        if (earlier != null && !(earlier.isDone() && causeOf(earlier) != null)) {
            return earlier;
        }
        return send.apply(record);
    }

    /**
     * The publisher stops waiting for the sends from {@code from} on (or could not make them all): they stay open,
     * each for its record.
     */
    void keep(List<PendingRecord> records, List<Future<RecordMetadata>> sends, int from) {
        for (int i = from; i < sends.size(); i++) {
            open.put(records.get(i).record(), sends.get(i));
        }
    }

    void clear() {
        open.clear();
    }

    /**
     * A send's outcome, once done.
     *
     * @param failure null when acknowledged, else why not, in one line
     * @param cutOff  whether it was cut off: its delivery timed out or its connection went
     */
    record Outcome(Sink.Failure failure, boolean cutOff) {
    }

    static Outcome outcomeOf(Future<RecordMetadata> send) {
        Throwable cause = causeOf(send);
        return cause == null ? new Outcome(null, false) : new Outcome(new Sink.Failure(ClusterLooks.oneLine(cause),
                cause instanceof RetriableException, false), cause instanceof TimeoutException
                        || cause instanceof NetworkException);
    }

    /** Why a send that is done was not acknowledged; null when it was. */
    private static Throwable causeOf(Future<RecordMetadata> send) {
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
