package io.github.txsim.kinesis;

import java.time.Clock;

import io.github.txsim.files.StopSignal;
import io.github.txsim.rows.TransactionRecords;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.CamelContext;

/**
 * The publish route's group step as the application wires it, partition key CUSTOMER_ID, no rate limiter, against
 * whatever Kinesis client the test set on the context's aws2-kinesis component.
 */
final class TestPublisher {

    private TestPublisher() {
    }

    static PutRecordsProcessor processor(CamelContext context, Pacing pacing, Clock clock,
            RecordSender.Sleeper sleeper) {
        StopSignal stop = new StopSignal();
        KinesisStream stream = new KinesisStream(context, "transactions", false, 1);
        RecordSender sender = new RecordSender(stream, PublishMetrics.none(), null, stop, new StreamOutage(stream, null, stop, () -> { }, clock), clock,
                sleeper);
        return new PutRecordsProcessor(new TransactionRecords("CUSTOMER_ID"), sender, pacing, clock,
                PublishMetrics.none(), stop, Long.MAX_VALUE);
    }

    static PutRecordsProcessor processor(CamelContext context) {
        return processor(context, new Pacing.Max(), Clock.systemUTC(), Thread::sleep);
    }
}
