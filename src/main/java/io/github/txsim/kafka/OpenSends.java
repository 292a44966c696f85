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
        Future<RecordMetadata> earlier = open.get(record);
        if (earlier != null && !(earlier.isDone() && causeOf(earlier) != null)) {
            return earlier;
        }
        Future<RecordMetadata> sent = send.apply(record);
        open.put(record, sent);
        return sent;
    }

    /** The publisher has been told these records' outcome. */
    void answered(List<PendingRecord> records) {
        records.forEach(pending -> open.remove(pending.record()));
    }

    void clear() {
        open.clear();
    }

    /** A send's outcome, once done: null when acknowledged, else why not, in one line. */
    static Sink.Failure failureOf(Future<RecordMetadata> send) {
        Throwable cause = causeOf(send);
        return cause == null ? null : new Sink.Failure(ClusterLooks.oneLine(cause),
                cause instanceof RetriableException, false);
    }

    /** Whether a send that is done was cut off: its delivery timed out or its connection went. */
    static boolean cutOff(Future<RecordMetadata> send) {
        Throwable cause = causeOf(send);
        return cause instanceof TimeoutException || cause instanceof NetworkException;
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
