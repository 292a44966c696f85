package io.github.txsim.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.txsim.settings.Setting;
import io.github.txsim.settings.Settings;

/**
 * The data folders: where daily files appear, where they go once every row is acknowledged, where they go when
 * publishing fails, where the publishing progress of each file is kept, and where the generated days' reports go.
 */
record DataFolders(Path source, Path archive, Path failed, Path checkpoints, Path reports) {

    static final Setting<Path> SOURCE = Setting.path("folders.source");
    static final Setting<Path> ARCHIVE = Setting.path("folders.archive");
    static final Setting<Path> FAILED = Setting.path("folders.failed");
    static final Setting<Path> CHECKPOINTS = Setting.path("folders.checkpoints");
    static final Setting<Path> REPORTS = Setting.path("folders.reports");
    static final List<Setting<?>> SETTINGS = List.of(SOURCE, ARCHIVE, FAILED, CHECKPOINTS, REPORTS);

    static DataFolders from(Settings settings) {
        return new DataFolders(settings.get(SOURCE), settings.get(ARCHIVE), settings.get(FAILED),
                settings.get(CHECKPOINTS), settings.get(REPORTS));
    }

    /** Creates the folders that are missing and checks that each one can be written. */
    DataFolders create() {
        for (Path folder : List.of(source, archive, failed, checkpoints, reports)) {
            writable(folder);
        }
        return this;
    }

    /** Creates the folder when it is missing and checks that it can be written. */
    static Path writable(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + folder + ": " + e, e);
        }
        if (!Files.isWritable(folder)) {
            throw new IllegalStateException("The data folder " + folder + " is not writable");
        }
        return folder;
    }
}
