package io.github.txsim.publish;

import io.github.txsim.settings.Settings;

/**
 * A kind of destination, such as a Kinesis stream or a Kafka topic: the one seam between the publishing core and where
 * records go. A destination is one package that implements this interface, listed on one line of
 * {@code META-INF/services/io.github.txsim.publish.DestinationType}; {@code publish.sink} names the one to use
 * ({@link Destinations}). Its settings live under its name ({@code kinesis.*}, {@code kafka.*}; a key there that
 * application.properties does not list is refused at start), read and checked by {@link #configure} before anything
 * starts.
 */
public interface DestinationType {

    /** The name {@code publish.sink} gives it, in lower case: {@code kinesis}, {@code kafka}. */
    String name();

    /**
     * The setting that names the stream, topic or folder the records go to ({@code kinesis.streamName}), which a
     * command's {@code --name} overrides.
     */
    String nameKey();

    /**
     * Reads and checks the destination's own settings.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and why
     */
    Destination configure(Settings settings);
}
