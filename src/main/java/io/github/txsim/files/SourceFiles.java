package io.github.txsim.files;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which files of the source folder are for the publisher: {@code *.csv} files, not hidden. A file being written
 * elsewhere under a hidden or {@code .part} name is left alone until it is renamed. The publish route's file
 * consumer and the run-once mode's last look at the folder both ask here.
 */
public final class SourceFiles implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(SourceFiles.class);

    private final Predicate<Path> setAside;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** @param setAside files not to take even so (in run-once mode, the files that could not be moved) */
    public SourceFiles(Predicate<Path> setAside) {
        this.setAside = setAside;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        // the file as listed: Camel's own names of it have a backslash turned into a separator already
        return !file.isDirectory() && isPublishable(file.getFile().getName())
                && !setAside.test(file.getFile().toPath().toAbsolutePath());
    }

    /** Whether the file is one to publish, and not set aside. */
    public boolean isToPublish(Path file) {
        return Files.isRegularFile(file) && isPublishable(file.getFileName().toString())
                && !setAside.test(file.toAbsolutePath());
    }

    /** The files refused for their names so far. */
    public Set<String> refused() {
        return Set.copyOf(refused);
    }

    /**
     * Camel's file component reads a backslash in a name as a folder separator (it normalises paths for Windows), so
     * it never finds such a file: it is refused, with a WARN the first time, rather than ignored without a word.
     */
    private void refuse(String name) {
        if (refused.add(name)) {
            LOG.warn("Cannot publish '{}': a file name with a backslash is read as a path by Camel's file component; "
                    + "rename the file (without the backslash) and it is published", name);
        }
    }

    private boolean isPublishable(String name) {
        if (name.startsWith(".") || !name.endsWith(".csv")) {
            return false;
        }
        if (name.contains("\\")) {
            refuse(name);
            return false;
        }
        return true;
    }
}
