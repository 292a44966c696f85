package io.github.txsim.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import io.github.txsim.labels.LabelKeeper;
import io.github.txsim.labels.LabelPublisher;
import io.github.txsim.labels.LabelSettings;
import io.github.txsim.labels.PendingLabels;
import io.github.txsim.labels.RowLabels;
import io.github.txsim.publish.AcknowledgedRows;
import io.github.txsim.publish.Destination;
import io.github.txsim.publish.DestinationHealthCheck;
import io.github.txsim.publish.RecordSource;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.schema.TransactionColumn;
import io.github.txsim.verification.LabelCheck;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The label stream's parts (labels.mode=delayed or both): the keeper that draws each published row's label and keeps
 * it until its time, in the checkpoints folder ({@code labels/}), and the publisher that sends it then to the label
 * stream, a second stream, topic or folder of the destination. With labels.mode=inline there are none.
 *
 * @param leftOut the columns transaction records leave out (the label's, in labels.mode=delayed)
 */
record LabelWiring(LabelSettings settings, LabelKeeper keeper, LabelPublisher publisher, Set<String> leftOut,
        Supplier<RecordSource> reader) {

    private static final Logger LOG = LoggerFactory.getLogger(LabelWiring.class);
    private static final LabelWiring INLINE = new LabelWiring(null, null, null, Set.of(), null);

    /** No label stream: labels.mode=inline. */
    static LabelWiring none() {
        return INLINE;
    }

    static LabelWiring connect(LabelSettings settings, Destination destination, String labelsName,
            Destination.Context context, PublishSettings publish, Path checkpoints) throws Exception {
        if (!settings.mode().stream()) {
            return none();
        }
        Destination.Connection connection = destination.connectAlso(context, labelsName);
        PendingLabels store = PendingLabels.open(checkpoints.resolve("labels"));
        LabelKeeper keeper = new LabelKeeper(new RowLabels(settings.delay(), store.cardReports()), store,
                settings.settleAfter());
        LabelPublisher publisher = new LabelPublisher(keeper, connection.sink(), publish.retry(),
                publish.groupSize());
        context.camel().addService(publisher, true, true);
        // readiness covers the label stream too: DOWN while label events fail to go to it
        context.camel().getRegistry().bind("labelStreamHealthCheck", new DestinationHealthCheck(
                "labels-" + connection.healthCheckId(), connection.sink(), publisher, connection.look()));
        Set<String> leftOut = settings.mode().inline() ? Set.of()
                : Set.of(TransactionColumn.TX_FRAUD.name(), TransactionColumn.TX_FRAUD_SCENARIO.name());
        return new LabelWiring(settings, keeper, publisher, leftOut, connection.reader());
    }

    /** Told of each group as it is cut. */
    BiConsumer<Exchange, List<SourceRow>> cut() {
        return keeper == null ? (exchange, rows) -> { } : keeper;
    }

    /** The label stream follows the pacing's event time too (realtime, speed-up). */
    void follow(Supplier<LocalDateTime> pacedEventTime) {
        if (publisher != null) {
            publisher.follow(pacedEventTime);
        }
    }

    /** Told of each group's rows once acknowledged. */
    AcknowledgedRows acknowledged() {
        return keeper == null ? AcknowledgedRows.NONE : keeper;
    }

    /**
     * Reconciles the label stream with the files the run archived (app.verify), in a line; answers whether a label
     * was missing or wrong.
     *
     * @param since the first arrival time to read, or null for the stream's oldest record
     */
    boolean verify(List<Path> files, Instant since) {
        if (keeper == null || files.isEmpty()) {
            return false;
        }
        try {
            LabelCheck.Result result = LabelCheck.verify(files, reader.get(), since, keeper.store().waitingIds());
            if (result.failed()) {
                LOG.error(result.summary());
            } else {
                LOG.info(result.summary());
            }
            return result.failed();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot verify the run's labels: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The line a run-once run ends its label stream with; null without one. */
    String finishRun() throws Exception {
        return publisher == null ? null
                : publisher.finishRun(settings.sendAtEnd(), Duration.ofMinutes(5));
    }

}
