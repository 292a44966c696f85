package io.github.txsim.kinesis;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.aws2.kinesis.Kinesis2Component;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PutRecordsProcessorTest {

    private static final String CSV = """
            TRANSACTION_ID,CUSTOMER_ID,TX_AMOUNT
            1,10,1.00
            2,20,2.00
            3,30,3.00
            4,10,4.00
            """;

    private final InMemoryKinesisClient kinesis = new InMemoryKinesisClient();
    private CamelContext context;
    private PutRecordsProcessor processor;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.getComponent("aws2-kinesis", Kinesis2Component.class).getConfiguration()
                .setAmazonKinesisClient(kinesis);
        context.start();
        processor = new PutRecordsProcessor(new KinesisStream(context, "transactions", false, 1), "CUSTOMER_ID");
        processor.start();
    }

    @AfterEach
    void stop() {
        processor.stop();
        context.stop();
    }

    private Exchange group(FileProgress progress) throws Exception {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(TransactionJsonTest.rows(CSV));
        exchange.setProperty(FileProgress.PROPERTY, progress);
        return exchange;
    }

    @Test
    void sendsOneRecordPerRowKeyedByItsCustomer() throws Exception {
        FileProgress progress = new FileProgress("day.csv");

        processor.process(group(progress));

        assertEquals(List.of("10", "20", "30", "10"),
                kinesis.acknowledged().stream().map(PutRecordsRequestEntry::partitionKey).toList());
        assertEquals("{\"TRANSACTION_ID\":2,\"CUSTOMER_ID\":20,\"TX_AMOUNT\":2.00}",
                kinesis.acknowledged().get(1).data().asUtf8String());
        assertEquals(4, progress.rows());
        assertEquals(4, progress.acknowledged());
    }

    @Test
    void aRetryOfAPartlyFailedGroupSendsOnlyTheRecordsThatFailed() throws Exception {
        kinesis.throttleOnce("20").throttleOnce("30");
        FileProgress progress = new FileProgress("day.csv");
        Exchange exchange = group(progress);

        RecordsNotAcknowledgedException e = assertThrows(RecordsNotAcknowledgedException.class,
                () -> processor.process(exchange));
        assertTrue(e.getMessage().contains("2 of 4 records"), e.getMessage());
        assertTrue(e.getMessage().contains("ProvisionedThroughputExceededException"), e.getMessage());
        assertEquals(2, progress.acknowledged());

        processor.process(exchange);

        assertEquals(List.of("1", "4", "2", "3"), kinesis.acknowledged().stream()
                .map(entry -> entry.data().asUtf8String().replaceAll(".*\"TRANSACTION_ID\":(\\d+).*", "$1"))
                .toList(), "each record acknowledged once");
        assertEquals(4, progress.rows());
        assertEquals(4, progress.acknowledged());
    }

    @Test
    void aFileWithoutThePartitionKeyColumnIsRefusedWithItsName() throws Exception {
        Exchange exchange = new DefaultExchange(context);
        List<CSVRecord> rows = TransactionJsonTest.rows("TRANSACTION_ID,TX_AMOUNT\n1,1.00\n");
        exchange.getMessage().setBody(rows);
        exchange.setProperty(FileProgress.PROPERTY, new FileProgress("day.csv"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> processor.process(exchange));

        assertEquals("day.csv has no column CUSTOMER_ID, the partition key column (kinesis.partitionKeyColumn)",
                e.getMessage());
        assertEquals(List.of(), kinesis.acknowledged());
    }
}
