package io.github.txsim.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Which files of the source folder are for the publisher: {@code *.csv} files, not hidden. A file being written
 * elsewhere under a hidden or {@code .part} name is left alone until it is renamed. The publish route's file
 * consumer and the run-once mode's last look at the folder both ask here.
 */
public final class SourceFiles implements GenericFileFilter<File> {

    private final Predicate<Path> setAside;

    /** @param setAside files not to take even so (in run-once mode, the files that could not be moved) */
    public SourceFiles(Predicate<Path> setAside) {
        this.setAside = setAside;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        return !file.isDirectory() && isPublishable(file.getFileNameOnly())
                && !setAside.test(Path.of(file.getAbsoluteFilePath()));
    }

    /** Whether the file is one to publish, and not set aside. */
    public boolean isToPublish(Path file) {
        return Files.isRegularFile(file) && isPublishable(file.getFileName().toString())
                && !setAside.test(file.toAbsolutePath());
    }

    private static boolean isPublishable(String name) {
        return !name.startsWith(".") && name.endsWith(".csv");
    }
}
