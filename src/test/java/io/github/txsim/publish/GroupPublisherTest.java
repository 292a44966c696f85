package io.github.txsim.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.files.Checkpoints;
import io.github.txsim.files.FileProgress;
import io.github.txsim.rows.Reject;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.testing.InMemoryKinesisClient;
import io.github.txsim.testing.Rows;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.kinesis.Kinesis2Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroupPublisherTest {

    private static final String CSV = """
            TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT
            1,10,1.00
            2,20,2.00
            3,30,3.00
            4,10,4.00
            """;

    @TempDir
    Path folder;

    private final InMemoryKinesisClient kinesis = new InMemoryKinesisClient();
    private CamelContext context;
    private Checkpoints checkpoints;
    private GroupPublisher processor;
    private final PacingTest.ManualClock clock = new PacingTest.ManualClock(Instant.EPOCH);

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.getComponent("aws2-kinesis", Kinesis2Component.class).getConfiguration()
                .setAmazonKinesisClient(kinesis);
        context.start();
        checkpoints = new Checkpoints(Files.createDirectory(folder.resolve("checkpoints")));
        processor = TestPublisher.processor(context, new Pacing.Max(), clock, clock::sleep);
        processor.start();
    }

    @AfterEach
    void stop() {
        processor.stop();
        context.stop();
    }

    private FileProgress progressOf(Path file) {
        return new FileProgress(file, checkpoints, checkpoints.load(file));
    }

    private Path file(String csv) throws Exception {
        return Files.writeString(folder.resolve("day.csv"), csv);
    }

    private Exchange group(List<SourceRow> rows, FileProgress progress) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(rows);
        exchange.setProperty(FileProgress.PROPERTY, progress);
        exchange.setProperty(FilePublishing.PROPERTY, progress.publishing());
        return exchange;
    }

    /** The rows done in the file's checkpoint, and how many of them were rejected. */
    private List<Long> done(Path file) {
        Checkpoints.Checkpoint checkpoint = checkpoints.load(file);
        return List.of(checkpoint.rowsDone(), checkpoint.rejected());
    }

    private List<String> acknowledgedIds() {
        return kinesis.acknowledged().stream()
                .map(entry -> entry.data().asUtf8String().replaceAll(".*\"TRANSACTION_ID\":(\\d+).*", "$1"))
                .toList();
    }

    @Test
    void sendsOneRecordPerRowKeyedByItsCustomerAndMovesTheCheckpoint() throws Exception {
        Path file = file(CSV);
        FileProgress progress = progressOf(file);

        processor.process(group(Rows.of(CSV), progress));

        assertEquals(List.of("10", "20", "30", "10"),
                kinesis.acknowledged().stream().map(PutRecordsRequestEntry::partitionKey).toList());
        assertEquals("{\"TRANSACTION_ID\":2,\"CUSTOMER_ID\":20,\"TX_AMOUNT\":2.00}",
                kinesis.acknowledged().get(1).data().asUtf8String());
        assertEquals(List.of(4L, 0L), done(file));
    }

    /**
     * Delivers the group as the route's error handler does: again, after a failure, while the record timeout allows,
     * the clock moving on by {@code step} each time. Answers how many deliveries it took.
     */
    private int deliver(Exchange exchange, RecordTimeout timeout, Duration step)
            throws Exception {
        for (int deliveries = 1; ; deliveries++) {
            try {
                processor.process(exchange);
                return deliveries;
            } catch (RecordsNotAcknowledgedException e) {
                exchange.setProperty(Exchange.EXCEPTION_CAUGHT, e);
                if (!timeout.matches(exchange)) {
                    throw e;
                }
                clock.sleep(step.toMillis());
            }
        }
    }

    @Test
    void throttledRecordsAreSentAgainAloneUntilAcknowledged() throws Exception {
        kinesis.throttleOnce("20").throttle("30", 2);
        FileProgress progress = progressOf(file(CSV));

        int deliveries = deliver(group(Rows.of(CSV), progress), timeout(Duration.ofMinutes(2)),
                Duration.ofSeconds(1));

        assertEquals(3, deliveries);
        assertEquals(List.of("1", "4", "2", "3"), acknowledgedIds(), "each record acknowledged once");
        assertEquals(List.of(4, 2, 1), kinesis.requestSizes(), "each request carries only what is not acknowledged");
        assertEquals(3, progress.publishing().retried());
        assertEquals(4, progress.acknowledged());
        assertEquals(List.of(4L, 0L), done(progress.file()));
    }

    @Test
    void recordsStillNotAcknowledgedWhenTheirTimeoutRunsOutFailTheGroupNamingTheirLines() throws Exception {
        kinesis.throttle("30", 1_000);
        FileProgress progress = progressOf(file(CSV));
        Exchange exchange = group(Rows.of(CSV), progress);

        RecordsNotAcknowledgedException e = assertThrows(RecordsNotAcknowledgedException.class,
                () -> deliver(exchange, timeout(Duration.ofSeconds(30)), Duration.ofSeconds(7)));

        assertTrue(e.getMessage().contains("1 records (lines 4 to 4) not acknowledged"), e.getMessage());
        assertTrue(e.getMessage().contains("after 6 deliveries over 35 s"), e.getMessage());
        assertTrue(e.getMessage().contains("ProvisionedThroughputExceededException"), e.getMessage());
        assertTrue(e.throttledOnly());
        assertEquals(List.of(0L, 0L), done(progress.file()), "no checkpoint past the group");
        assertEquals(List.of("1", "2", "4"), acknowledgedIds(), "the others acknowledged once each");
        assertEquals(List.of(4, 1, 1, 1, 1, 1), kinesis.requestSizes());
    }

    @Test
    void aFailureBeforeTheGroupExistsOrAfterAStopIsNotRetried() throws Exception {
        StopSignal stop = new StopSignal();
        RecordTimeout timeout = new RecordTimeout(TestPublisher.retries(Duration.ofMinutes(2)), stop, clock);
        kinesis.throttle("30", 1);
        Exchange exchange = group(Rows.of(CSV), progressOf(file(CSV)));
        assertFalse(timeout.matches(exchange), "no group yet");

        assertThrows(RecordsNotAcknowledgedException.class, () -> processor.process(exchange));
        assertTrue(timeout.matches(exchange));
        stop.raise();
        assertFalse(timeout.matches(exchange));
    }

    private RecordTimeout timeout(Duration timeout) {
        return new RecordTimeout(TestPublisher.retries(timeout), new StopSignal(), clock);
    }

    @Test
    void badRowsAreRejectedWithTheirLinesAndTheOthersPublished() throws Exception {
        String csv = """
                TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT
                1,10,1.00
                2,20,two
                3,,3.00

                "4","40","4.00",extra
                5,50,5.00
                """;
        Path file = file(csv);
        FileProgress progress = progressOf(file);

        processor.process(group(Rows.of(csv), progress));

        assertEquals(List.of("1", "5"), acknowledgedIds());
        assertEquals(List.of(
                new Reject(3, "TX_AMOUNT is not a number: 'two'", "2,20,two"),
                new Reject(4, "CUSTOMER_ID must have 1 to 256 characters: it is the partition key, was ''", "3,,3.00"),
                new Reject(5, "blank line", "\"\""),
                new Reject(6, "4 fields where the header has 3", "4,40,4.00,extra")), checkpoints.rejects(file));
        assertEquals(4, progress.rejected());
        assertEquals(List.of(6L, 4L), done(file), "rows done, of which rejected");
    }

    @Test
    void rowsAnEarlierRunDidAreNotSentAgain() throws Exception {
        Path file = file(CSV);
        checkpoints.save(file, new Checkpoints.Checkpoint(2, 0, Rows.of(CSV).get(1).end()), List.of());

        processor.process(group(Rows.of(CSV), progressOf(file)));

        assertEquals(List.of("3", "4"), acknowledgedIds());
        assertEquals(List.of(4L, 0L), done(file));
    }

    @Test
    void aRecordOverOneMebibyteIsRejectedNotSent() throws Exception {
        String csv = "CUSTOMER_ID,NOTE\n7,\"" + "x".repeat(1_048_576) + "\"\n8,fine\n";
        Path file = file(csv);

        processor.process(group(Rows.of(csv), progressOf(file)));

        assertEquals(List.of("8"), kinesis.acknowledged().stream().map(PutRecordsRequestEntry::partitionKey).toList());
        assertEquals(1, checkpoints.rejects(file).size());
        assertTrue(checkpoints.rejects(file).get(0).reason().startsWith("the record would be 1,048,"),
                checkpoints.rejects(file).get(0).reason());
    }
}
