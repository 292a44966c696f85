package io.github.txsim.kinesis;

import java.util.List;

import io.github.txsim.publish.Destination;
import io.github.txsim.publish.DestinationType;
import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/** {@code publish.sink=kinesis}, the default: a Kinesis data stream ({@link KinesisDestination}). */
public final class KinesisDestinationType implements DestinationType {

    @Override
    public String name() {
        return "kinesis";
    }

    @Override
    public String nameKey() {
        return KinesisSettings.STREAM_NAME.key();
    }

    @Override
    public String labelsNameKey() {
        return KinesisSettings.LABELS_STREAM_NAME.key();
    }

    @Override
    public List<Setting<?>> settings() {
        return KinesisSettings.SETTINGS;
    }

    @Override
    public Destination configure(Settings settings) {
        return new KinesisDestination(KinesisSettings.read(settings));
    }
}
