package io.github.txsim.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.publish.Sink;
import io.github.txsim.rows.TransactionRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link KafkaTopic}'s sends through the producer, and their answers:
 * <ul>
 * <li>A send not answered within a second looks at the cluster; when the brokers do not answer by
 * {@code kafka.apiTimeout} or the topic is gone, the waiting stops and the send fails, the answers given so far
 * standing. The producer still holds the other records: sent again, a record whose earlier send is still open gets
 * that one back rather than going twice ({@link OpenSends}).</li>
 * <li>Acknowledgements are confirmed by a look at the topic that began after them ({@link Confirmations}): what a
 * topic deleted (and created again) meanwhile had acknowledged goes again, before the next send's records.</li>
 * </ul>
 */
final class TopicSends {

    /** How long a send waits for its answers before it looks at the cluster. */
    private static final Duration STALL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(TopicSends.class);

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaOptions options;
    private final TopicWatch topic;
    private final ClusterLooks looks;
    private final String destination;
    private final OpenSends open = new OpenSends();
    private final Confirmations confirmations;

    /** @param destination the topic as messages name it: {@code Kafka topic 'transactions'} */
    TopicSends(KafkaProducer<String, byte[]> producer, KafkaOptions options, String destination, TopicWatch topic,
            ClusterLooks looks) {
        this.producer = producer;
        this.options = options;
        this.topic = topic;
        this.looks = looks;
        this.destination = destination;
        this.confirmations = new Confirmations(topic);
    }

    /**
     * Sends the records once, answering for those answered, in order, and counting the acknowledged ones as
     * unconfirmed; waits as {@link #await} does.
     *
     * @throws KafkaException when the cluster is out of reach or the topic gone, or every record was cut off
     */
    void send(List<PendingRecord> records, Sink.Answers answers) throws InterruptedException {
        confirmations.makeRoom();
        sendLostAgain();
        Uuid sentTo = topic.current();
        List<Future<RecordMetadata>> sends = new ArrayList<>(records.size());
        try {
            for (PendingRecord pending : records) {
                sends.add(open.sendOrReuse(pending.record(), record -> producer.send(new ProducerRecord<>(
                        options.topic(), record.partitionKey(), record.data()))));
            }
        } catch (KafkaException cannotSend) {
            open.keep(records, sends, 0);
            throw cannotSend;
        }
        Waited waited = await(sends);
        open.keep(records, sends, waited.answered());
        int answered = waited.answered();
        List<Sink.Failure> failures = new ArrayList<>(answered);
        List<TransactionRecord> acknowledged = new ArrayList<>(answered);
        int cutOff = 0;
        for (int i = 0; i < answered; i++) {
            OpenSends.Outcome outcome = OpenSends.outcomeOf(sends.get(i));
            failures.add(outcome.failure());
            if (outcome.failure() == null) {
                acknowledged.add(records.get(i).record());
            } else if (outcome.cutOff()) {
                cutOff++;
            }
        }
        confirmations.acknowledged(sentTo, acknowledged);
        answers.answered(records.subList(0, answered), failures);
        if (waited.down() != null) {
            throw new KafkaException(waited.down());
        }
        if (!records.isEmpty() && cutOff == records.size()) {
            throw new KafkaException(String.format("none of %d records reached %s: %s", records.size(),
                    destination, failures.get(0).error()));
        }
    }

    /** How many of a pass's sends are answered, in order, and why the pass stopped waiting (null: it did not). */
    private record Waited(int answered, String down) {
    }

    /**
     * Waits for the sends' answers in order. One not answered within a second looks at the cluster (again every
     * kafka.apiTimeout); when the cluster is out of reach or the topic gone, the waiting stops there.
     */
    private Waited await(List<Future<RecordMetadata>> sends) throws InterruptedException {
        Duration stallLook = options.apiTimeout().minus(STALL).compareTo(STALL) < 0 ? STALL
                : options.apiTimeout().minus(STALL);
        int answered = 0;
        long lookAt = System.nanoTime() + STALL.toNanos();
        while (answered < sends.size()) {
            try {
                Future<RecordMetadata> send = sends.get(answered);
                if (!send.isDone()) {
                    send.get(Math.max(1, lookAt - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
                answered++;
            } catch (ExecutionException failedSend) {
                answered++;
            } catch (TimeoutException notYet) {
                String down = looks.look(() -> lookAtTopic(stallLook), options);
                if (down != null) {
                    return new Waited(answered, down);
                }
                lookAt = System.nanoTime() + options.apiTimeout().toNanos();
            }
        }
        return new Waited(answered, null);
    }

    /**
     * First, the records that a topic deleted since had acknowledged ({@link Confirmations}) go to the topic there is
     * now; those not acknowledged stay for the next send, which waits as this one did.
     *
     * @throws KafkaException when some could not be sent again yet: publishing looks at the cluster
     */
    private void sendLostAgain() throws InterruptedException {
        List<Confirmations.Acked> lost = confirmations.takeLost();
        if (lost.isEmpty()) {
            return;
        }
        Uuid sentTo = topic.current();
        List<Future<RecordMetadata>> sends = new ArrayList<>(lost.size());
        lost.forEach(record -> sends.add(producer.send(new ProducerRecord<>(options.topic(), record.key(),
                record.data()))));
        Waited waited = await(sends);
        List<Confirmations.Acked> again = new ArrayList<>();
        List<Confirmations.Acked> notYet = new ArrayList<>(lost.subList(waited.answered(), lost.size()));
        String failure = waited.down();
        for (int i = 0; i < waited.answered(); i++) {
            Sink.Failure outcome = OpenSends.outcomeOf(sends.get(i)).failure();
            (outcome == null ? again : notYet).add(lost.get(i));
            failure = failure == null && outcome != null ? outcome.error() : failure;
        }
        confirmations.acknowledgedAgain(sentTo, again);
        confirmations.putBack(notYet);
        LOG.warn(String.format("Sent again to %s: %,d records that the topic deleted had acknowledged%s",
                destination, again.size(), notYet.isEmpty() ? "" : String.format("; %,d not yet", notYet.size())));
        if (!notYet.isEmpty()) {
            throw new KafkaException(String.format("%,d records that the topic deleted had acknowledged are not sent "
                    + "again yet: %s", notYet.size(), failure));
        }
    }

    /**
     * Closes the producer, but first the acknowledgements of the last tenth of a second or so are confirmed, and what a
     * topic deleted meanwhile had acknowledged is sent again, once; what cannot be is said.
     */
    void close() throws InterruptedException {
        try {
            lastConfirmations();
        } finally {
            confirmations.close();
            producer.close(Duration.ofSeconds(10));
            open.clear();
        }
    }

    private void lastConfirmations() throws InterruptedException {
        if (!confirmations.look()) {
            return;
        }
        try {
            sendLostAgain();
        } catch (KafkaException e) {
            LOG.error("Stopping with records that a deleted Kafka topic had acknowledged not sent again: {}",
                    e.getMessage());
        }
    }

    /**
     * A look at the topic for whether it takes records. One that finds it gone tells the watch, and asks the producer
     * for the topic as a send would: on brokers that create the topics their clients ask for, that creates it again
     * (the look at the cluster does not), so that publishing, which sends nothing while it waits, does not wait for
     * ever; elsewhere it finds nothing within kafka.apiTimeout.
     */
    void lookAtTopic(Duration timeout) throws InterruptedException {
        try {
            topic.describe(timeout);
        } catch (UnknownTopicOrPartitionException gone) {
            topic.gone();
            try {
                producer.partitionsFor(options.topic());
            } catch (KafkaException notCreated) {
                throw gone;
            }
        }
    }
}
