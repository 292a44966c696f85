package io.github.txsim.publish;

import java.util.List;

import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/**
 * A kind of destination, such as a Kinesis stream or a Kafka topic: the one seam between the publishing core and where
 * records go. A destination is one package that implements this interface, listed on one line of
 * {@code META-INF/services/io.github.txsim.publish.DestinationType}; {@code publish.sink} names the one to use
 * ({@link Destinations}). Its settings live under its name ({@code kinesis.*}, {@code kafka.*}), declared by
 * {@link #settings} (a key there that is not one of them is refused at start), read by {@link #configure} before anything
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
     * The setting that names the stream, topic or folder of the label events ({@code kinesis.labels.streamName}),
     * beside the transactions' ({@code labels.mode=delayed}).
     */
    String labelsNameKey();

    /**
     * Its own settings, each under its name ({@code kinesis.streamName}): the keys application.properties lists for it,
     * checked at start whichever destination is chosen.
     */
    List<Setting<?>> settings();

    /**
     * Reads and checks the destination's own settings.
     *
     * @throws IllegalArgumentException naming the setting that is wrong and why
     */
    Destination configure(Settings settings);
}
