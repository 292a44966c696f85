package io.github.txsim.app;

import java.nio.file.Path;

/**
 * The stream's settings ({@code kinesis.*}), read once at start-up; the AWS SDK's own settings stay camel-aws2-kinesis
 * component options.
 *
 * @param local whether to start the local emulator and publish there
 */
record KinesisSettings(String streamName, boolean local, LocalEmulator emulator) {

    /** The local emulator (kinesis.local.*). */
    record LocalEmulator(Path folder, String node, int port, int shardCount) {
    }

    static KinesisSettings read(AppProperties properties) {
        return new KinesisSettings(properties.text("kinesis.streamName"), properties.flag("kinesis.local.enabled"),
                new LocalEmulator(Path.of(properties.text("kinesis.local.emulatorFolder")),
                        properties.text("kinesis.local.node"), properties.integer("kinesis.local.port", 0, 65535),
                        properties.integer("kinesis.local.shardCount", 1, 100)));
    }
}
