package io.github.txsim.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/**
 * Which files of the source folder are for the publisher: {@code *.csv} files, not hidden. A file being written
 * elsewhere under a hidden or {@code .part} name is left alone until it is renamed. The publish route's file
 * consumer and the run-once mode's last look at the folder both ask here.
 */
public final class SourceFiles implements GenericFileFilter<File> {

    @Override
    public boolean accept(GenericFile<File> file) {
        return !file.isDirectory() && isPublishable(file.getFileNameOnly());
    }

    public static boolean isPublishable(Path file) {
        return Files.isRegularFile(file) && isPublishable(file.getFileName().toString());
    }

    private static boolean isPublishable(String name) {
        return !name.startsWith(".") && name.endsWith(".csv");
    }
}
