package io.github.txsim.jsonlines;

import io.github.txsim.publish.Destination;
import io.github.txsim.publish.DestinationType;
import io.github.txsim.settings.Settings;

/**
 * {@code publish.sink=files}: JSON Lines files in a folder ({@code files.folder}), one per source file, each line one
 * record exactly as Kinesis or Kafka would get it: a dry run without AWS, or records for other tools.
 */
public final class FilesDestinationType implements DestinationType {

    static final String FOLDER = "files.folder";

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String nameKey() {
        return FOLDER;
    }

    @Override
    public Destination configure(Settings settings) {
        return new FilesDestination(settings.path(FOLDER));
    }
}
