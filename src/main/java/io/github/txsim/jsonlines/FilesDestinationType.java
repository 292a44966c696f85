package io.github.txsim.jsonlines;

import java.nio.file.Path;
import java.util.List;

import io.github.txsim.publish.Destination;
import io.github.txsim.publish.DestinationType;
import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/**
 * {@code publish.sink=files}: JSON Lines files in a folder ({@code files.folder}), one per source file, each line one
 * record exactly as Kinesis or Kafka would get it: a dry run without AWS, or records for other tools.
 */
public final class FilesDestinationType implements DestinationType {

    static final Setting<Path> FOLDER = Setting.path("files.folder");
    static final Setting<Path> LABELS_FOLDER = Setting.path("files.labels.folder");

    @Override
    public String name() {
        return "files";
    }

    @Override
    public String nameKey() {
        return FOLDER.key();
    }

    @Override
    public String labelsNameKey() {
        return LABELS_FOLDER.key();
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(FOLDER, LABELS_FOLDER);
    }

    @Override
    public Destination configure(Settings settings) {
        return new FilesDestination(settings.get(FOLDER));
    }
}
