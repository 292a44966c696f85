package io.github.txsim.publish;

import java.util.List;

import io.github.txsim.rows.RecordLimits;
import org.apache.camel.Service;

/**
 * Where records go: a Kinesis stream or a Kafka topic. The publishing core (reading, groups, checkpoints, pacing,
 * rejects, accounting, retries) knows a sink by this interface only. A sink sends the records it is given once, in
 * parts of its choosing (a PutRecords request, a producer batch), and answers for each record: acknowledged, or
 * failed with its error, retryable or not. What it does not answer for counts as not sent and goes again.
 */
public interface Sink extends Service {

    /** Where the records go, for logs and reports, such as {@code Kinesis stream 'transactions'}. */
    String destination();

    /**
     * The destination's own name ({@code transactions}): a file archived after it went to one destination is a copy
     * only for that one.
     */
    String name();

    /** What one record may be. */
    RecordLimits limits();

    /**
     * Sends the records once, in order, telling {@code answers} the outcome of each part as soon as it is known.
     *
     * @param fileName the source file the records come from (a destination may keep each file's records apart)
     * @throws RuntimeException when a part could not be sent at all (its request failed); the parts answered before
     *                          stay answered, the others count as not sent
     */
    void send(String fileName, List<PendingRecord> records, Answers answers) throws InterruptedException;

    /**
     * Every row of the file is acknowledged or rejected, and the file is about to be archived: a destination that
     * keeps each file's records apart (a folder of files) completes them. Called again when a file whose rows were all
     * done is taken again (an archive that failed, a restart), so it must do nothing the second time.
     */
    default void fileDone(String fileName) throws Exception {
    }

    /**
     * After {@link #send} threw {@code failure}, and again while publishing waits ({@link Outage}): why the
     * destination cannot take records at all now (deleted, out of reach), said for an operator, or null when it can
     * (the failure was the request's own, or is not one that says anything of the destination).
     */
    String unavailable(RuntimeException failure);

    /** The outcome of a part of the records: {@code failures.get(i)} is null for a record acknowledged. */
    interface Answers {
        void answered(List<PendingRecord> part, List<Failure> failures);
    }

    /**
     * Why the destination did not acknowledge a record.
     *
     * @param retryable whether sending it again may succeed (throttled, a broker or shard busy or gone for a while);
     *                  a record that can never be taken fails its file at once
     * @param throttled whether the destination turned it down for its limits, a matter of course at full speed
     */
    record Failure(String error, boolean retryable, boolean throttled) {
    }
}
