package io.github.txsim.publish;

import java.util.function.Supplier;

import io.github.txsim.support.PublishMetrics;
import org.apache.camel.CamelContext;

/**
 * A destination configured from its settings ({@link DestinationType#configure}), not yet reached: what it takes in
 * one request, whether it is a local server, and how to reach it to publish or to read it back.
 */
public interface Destination {

    /** What the destination takes in one request; the groups of rows are cut within them. */
    RequestLimits requestLimits();

    /** Whether it is a local server that the application starts, which holds the records of this run only. */
    boolean local();

    /**
     * Starts the destination's local server when it has one (stopped with the context) and makes its sink, ready to
     * start with the context.
     */
    Connection connect(Context context) throws Exception;

    /**
     * Another stream, topic or folder of the same destination, beside the one {@link #connect} reached (which comes
     * first): the label stream's, named by the destination's {@link DestinationType#labelsNameKey}. It shares the
     * local server and the client's settings; created in local mode as the first one is.
     */
    Connection connectAlso(Context context, String name) throws Exception;

    /**
     * Reads the destination back, as the {@code verify} command does: reached as the application reaches it, without
     * a local server (which keeps its records only while the application runs).
     */
    RecordSource reader(CamelContext camel) throws Exception;

    /**
     * What a destination is given to connect.
     *
     * @param producers how many producers publish to the destination, this one included (the generator's partitions)
     * @param producer  which of them this one is, such as {@code 2/4}, for logs
     */
    record Context(CamelContext camel, PublishMetrics metrics, int producers, String producer) {
    }

    /**
     * A destination reached.
     *
     * @param healthCheckId the readiness check's id in /observe/health, such as {@code kinesis-stream}
     * @param look          a look at the destination for readiness: adds its details and says up or down
     * @param reader        reads the destination back, once the sink has started
     */
    record Connection(Sink sink, String healthCheckId, DestinationHealthCheck.Look look,
            Supplier<RecordSource> reader) {
    }
}
