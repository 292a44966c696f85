package io.github.txsim.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.txsim.settings.Settings;

/**
 * The data folders: where daily files appear, where they go once every row is acknowledged, where they go when
 * publishing fails, where the publishing progress of each file is kept, and where the generated days' reports go.
 */
record DataFolders(Path source, Path archive, Path failed, Path checkpoints, Path reports) {

    static DataFolders from(Settings properties) {
        return new DataFolders(properties.path("folders.source"), properties.path("folders.archive"),
                properties.path("folders.failed"), properties.path("folders.checkpoints"),
                properties.path("folders.reports"));
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
