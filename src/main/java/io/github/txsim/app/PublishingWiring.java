package io.github.txsim.app;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

import io.github.txsim.publish.Destination;
import io.github.txsim.publish.DestinationHealthCheck;
import io.github.txsim.publish.GroupPublisher;
import io.github.txsim.publish.Outage;
import io.github.txsim.publish.RecordSender;
import io.github.txsim.publish.RecordTimeout;
import io.github.txsim.publish.Sink;
import io.github.txsim.publish.StopSignal;
import io.github.txsim.rows.TransactionRecords;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.Registry;
import org.apache.camel.util.concurrent.SynchronousExecutorService;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The publishing area's beans, bound under the names routes/publish.yaml and routes/error-handling.yaml use: the
 * processor that sends a group ({@code groupPublisher}) and its threads ({@code publishThreads}), the one retry policy
 * ({@code recordTimeout}, {@code redeliveryPolicy}), and the destination's readiness check.
 *
 * @param stop    raised when publishing is told to stop; the file area waits on it too
 * @param outage  the destination gone while publishing; one that outlasts its limit stops the application
 * @param records how a row becomes a record for this destination
 * @param publisher sends each group of rows
 */
record PublishingWiring(Sink sink, StopSignal stop, Outage outage, TransactionRecords records,
        GroupPublisher publisher) {

    static PublishingWiring bind(CamelContext context, PublishSettings publish, Destination.Connection connection,
            PublishMetrics metrics, LabelWiring labels) {
        Sink sink = connection.sink();
        StopSignal stop = new StopSignal();
        Clock clock = Clock.systemUTC();
        // an outage that outlasts its limit stops the application; stopping waits for the exchange in flight, which
        // is the caller's: stop from another thread
        Outage outage = new Outage(sink, publish.retry(), stop, () -> new Thread(context::stop, "outage-stop").start(),
                clock);
        TransactionRecords records = new TransactionRecords(publish.partitionKeyColumn(), sink::limits,
                labels.leftOut());
        RecordSender sender = new RecordSender(sink, metrics, stop, outage, clock, stop::await);

        Registry registry = context.getRegistry();
        GroupPublisher publisher = new GroupPublisher(records, sender, publish.pacing(), clock, metrics, stop,
                publish.rowsAhead(), labels.acknowledged());
        registry.bind("groupPublisher", publisher);
        registry.bind("publishThreads", publishThreads(context, publish.maxInFlight()));
        registry.bind("recordTimeout", new RecordTimeout(publish.retry(), stop, clock));
        registry.bind("redeliveryPolicy", publish.retry().redeliveryPolicy());
        registry.bind("destinationHealthCheck", new DestinationHealthCheck(connection.healthCheckId(), sink, outage,
                connection.look()));
        labels.follow(publisher::pacedEventTime);
        return new PublishingWiring(sink, stop, outage, records, publisher);
    }

    /**
     * The threads that publish a file's groups: one per group in flight, and a queue of one group, so that a thread
     * that finishes a group finds the next one ready. Camel runs the split's own loop, which reads the rows, on one of
     * them; when the pool is full, that loop sends the group itself (caller-runs) and reads no further meanwhile. So
     * at most maxInFlight groups are in flight, one more waits in memory, and a group queued is always taken by a
     * thread that is not waiting for it (with one thread fewer, two in flight would wait for each other for ever).
     * With one in flight (always so with paced publishing) every group runs on the splitting thread, in file order.
     * (The route's split always names this executor: Camel splits in parallel whenever a split has one.)
     */
    private static ExecutorService publishThreads(CamelContext context, int maxInFlight) {
        if (maxInFlight == 1) {
            return new SynchronousExecutorService();
        }
        return context.getExecutorServiceManager().newThreadPool(PublishingWiring.class, "publish",
                new ThreadPoolProfileBuilder("publish").poolSize(maxInFlight).maxPoolSize(maxInFlight).maxQueueSize(1)
                        .rejectedPolicy(ThreadPoolRejectedPolicy.CallerRuns).build());
    }
}
