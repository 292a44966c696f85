package io.github.txsim.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.files.Checkpoints;
import io.github.txsim.files.FileProgress;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.testing.InMemoryKinesisClient;
import io.github.txsim.testing.Rows;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.kinesis.Kinesis2Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pacing against a clock the test controls: waiting moves it forward, so the times are exact. */
class PacingTest {

    private static final ZoneId ZONE = ZoneOffset.UTC;

    @TempDir
    Path folder;

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    private final List<String> sends = new ArrayList<>();
    private CamelContext context;

    /** A clock that moves only when the publisher waits. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void sleep(long millis) {
            now = now.plusMillis(millis);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    /** Publishes the rows with the pacing, noting the clock's time and the ids of each PutRecords request. */
    private void publish(String pacing, String csv) throws Exception {
        InMemoryKinesisClient kinesis = new InMemoryKinesisClient() {
            @Override
            public PutRecordsResponse putRecords(PutRecordsRequest request) {
                sends.add(clock.instant() + " " + request.records().stream()
                        .map(r -> r.data().asUtf8String().replaceAll(".*\"TRANSACTION_ID\":(\\d+).*", "$1")).toList());
                return super.putRecords(request);
            }
        };
        context = new DefaultCamelContext();
        context.getComponent("aws2-kinesis", Kinesis2Component.class).getConfiguration()
                .setAmazonKinesisClient(kinesis);
        context.start();
        Checkpoints checkpoints = new Checkpoints(Files.createDirectory(folder.resolve("checkpoints")));
        GroupPublisher processor = TestPublisher.processor(context, Pacing.parse(pacing, "TX_DATETIME", ZONE),
                clock, clock::sleep);
        processor.start();
        Path file = Files.writeString(folder.resolve("day.csv"), csv);
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(Rows.of(csv));
        exchange.setProperty(FilePublishing.PROPERTY,
                new FileProgress(file, checkpoints, checkpoints.load(file)).publishing());
        processor.process(exchange);
        processor.stop();
    }

    @Test
    void aSpeedUpPlaysEventTimeThatManyTimesFaster() throws Exception {
        publish("600", """
                TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID
                1,2026-11-27 08:00:00,1
                2,2026-11-27 08:00:00,2
                3,2026-11-27 08:10:00,3
                4,2026-11-27 08:20:00,4
                """);

        assertEquals(List.of(
                "2026-11-28T12:00:00Z [1, 2]",
                "2026-11-28T12:00:01Z [3]",
                "2026-11-28T12:00:02Z [4]"), sends);
    }

    @Test
    void realtimeSendsPastRecordsAtOnceAndTheOthersAtTheirTime() throws Exception {
        publish("realtime", """
                TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID
                1,2026-11-28 09:15:00,1
                2,2026-11-28 11:59:59,2
                3,2026-11-28 12:00:05,3
                4,2026-11-28 12:00:05,4
                5,2026-11-28 12:01:00,5
                """);

        assertEquals(List.of(
                "2026-11-28T12:00:00Z [1, 2]",
                "2026-11-28T12:00:05Z [3, 4]",
                "2026-11-28T12:01:00Z [5]"), sends);
    }

    @Test
    void aPacesEventTimeIsTheWallClockInRealtimeAndRunsThatManyTimesFasterInASpeedUp() {
        Instant start = clock.instant();
        Pacing.Pace realtime = Pacing.parse("realtime", "TX_DATETIME", ZONE).startFile(clock);
        assertEquals(LocalDateTime.of(2026, 11, 28, 12, 0, 5), realtime.eventTimeAt(start.plusSeconds(5)));

        Pacing.Pace speedUp = Pacing.parse("600", "TX_DATETIME", ZONE).startFile(clock);
        assertEquals(null, speedUp.eventTimeAt(start), "no record paced yet: no event time");
        speedUp.due(Rows.of("TX_DATETIME\n2026-11-27 08:00:00\n").get(0));
        assertEquals(LocalDateTime.of(2026, 11, 27, 8, 10), speedUp.eventTimeAt(start.plusSeconds(1)));
        assertEquals(null, Pacing.parse("max", "TX_DATETIME", ZONE).startFile(clock).eventTimeAt(start));
    }

    @Test
    void maxSendsEverythingAtOnce() throws Exception {
        publish("max", """
                TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID
                1,2026-11-28 13:00:00,1
                2,2026-11-28 14:00:00,2
                """);

        assertEquals(List.of("2026-11-28T12:00:00Z [1, 2]"), sends);
    }

    @Test
    void anUnknownPacingIsRefusedWithTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pacing.parse("fast", "TX_DATETIME", ZONE));
        assertEquals("publish.pacing must be max, realtime, a speed-up factor above 0 or rate:N (N records a second, "
                + "above 0), was 'fast'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pacing.parse("rate:0", "TX_DATETIME", ZONE));
        assertThrows(IllegalArgumentException.class, () -> Pacing.parse("rate:many", "TX_DATETIME", ZONE));
    }

    @Test
    void aRateSendsThatManyRecordsASecondWhateverTheirEventTimes() throws Exception {
        publish("rate:2", """
                TRANSACTION_ID,TX_DATETIME,CUSTOMER_ID
                1,2026-11-27 08:00:00,1
                2,2026-11-27 08:00:00,2
                3,2030-01-01 00:00:00,3
                4,2018-04-01 00:00:01,4
                5,1999-12-31 23:59:59,5
                """);

        assertEquals(List.of(
                "2026-11-28T12:00:00Z [1]",
                "2026-11-28T12:00:00.500Z [2]",
                "2026-11-28T12:00:01Z [3]",
                "2026-11-28T12:00:01.500Z [4]",
                "2026-11-28T12:00:02Z [5]"), sends);
    }

    @Test
    void aRateKeepsItsScheduleAcrossFilesButDoesNotBurstAfterAPause() {
        Pacing rate = Pacing.parse("rate:4", "TX_DATETIME", ZONE);
        Pacing.Pace first = rate.startFile(clock);
        List<SourceRow> rows = Rows.of("ID\n1\n2\n");
        SourceRow a = rows.get(0);
        SourceRow b = rows.get(1);
        assertEquals(Instant.parse("2026-11-28T12:00:00Z"), first.due(a));
        assertEquals(Instant.parse("2026-11-28T12:00:00Z"), first.due(a), "the same row keeps its time");
        assertEquals(Instant.parse("2026-11-28T12:00:00.250Z"), first.due(b));
        Pacing.Pace second = rate.startFile(clock);
        assertEquals(Instant.parse("2026-11-28T12:00:00.500Z"), second.due(a), "the next file goes on from there");
        clock.sleep(60_000);
        assertEquals(Instant.parse("2026-11-28T12:01:00Z"), second.due(b), "after a pause, from now: no burst");
        assertEquals("a target of 4 records/s", rate.target());
    }
}
