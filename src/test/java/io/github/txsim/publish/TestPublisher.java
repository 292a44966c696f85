package io.github.txsim.publish;

import java.time.Clock;
import java.time.Duration;

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
                new Outage(sink, retries(Duration.ofMinutes(2)), stop, () -> { }, clock), clock, sleeper);
        return new GroupPublisher(new TransactionRecords("CUSTOMER_ID", sink.limits()), sender, pacing, clock,
                PublishMetrics.none(), stop, Long.MAX_VALUE);
    }

    static GroupPublisher processor(CamelContext context) {
        return processor(context, new Pacing.Max(), Clock.systemUTC(), Thread::sleep);
    }

    /** The shipped back-off, records retried for {@code recordTimeout}, outages waited for without limit. */
    static RetryPolicy retries(Duration recordTimeout) {
        return new RetryPolicy(recordTimeout, Duration.ofMillis(100), 2, Duration.ofSeconds(5), null);
    }
}
