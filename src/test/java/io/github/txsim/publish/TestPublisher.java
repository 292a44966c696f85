package io.github.txsim.publish;

import java.time.Clock;

import io.github.txsim.files.StopSignal;
import io.github.txsim.kinesis.KinesisSink;
import io.github.txsim.kinesis.KinesisStream;
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

    static GroupPublisher processor(CamelContext context, Pacing pacing, Clock clock,
            RecordSender.Sleeper sleeper) {
        StopSignal stop = new StopSignal();
        KinesisSink sink = new KinesisSink(new KinesisStream(context, "transactions", false, 1), null, null,
                PublishMetrics.none());
        RecordSender sender = new RecordSender(sink, PublishMetrics.none(), stop,
                new Outage(sink, null, stop, () -> { }, clock), clock, sleeper);
        return new GroupPublisher(new TransactionRecords("CUSTOMER_ID", sink.limits()), sender, pacing, clock,
                PublishMetrics.none(), stop, Long.MAX_VALUE);
    }

    static GroupPublisher processor(CamelContext context) {
        return processor(context, new Pacing.Max(), Clock.systemUTC(), Thread::sleep);
    }
}
