package io.github.txsim.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which files of the source folder are for the publisher: {@code *.csv} files, not hidden. A file being written
 * elsewhere under a hidden or {@code .part} name is left alone until it is renamed. Of those, a file the publisher
 * cannot take is refused, with a WARN naming it and why the first time: a name Camel cannot handle, anything but a
 * regular file (a FIFO would block the first read for ever, and every file after it), a file this process may not
 * read. A refused file that becomes one to publish (renamed, made readable) is taken at the next poll. The publish
 * route's file consumer and the run-once mode's last look at the folder both ask here.
 */
public final class SourceFiles implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger(SourceFiles.class);
    /** The file type bits of a Unix mode (S_IFMT), and the types that are not regular files. */
    private static final int TYPE_BITS = 0170000;
    private static final Map<Integer, String> OTHER_TYPES = Map.of(0010000, "a FIFO (named pipe)", 0140000,
            "a socket", 0020000, "a character device", 0060000, "a block device");

    private final Predicate<Path> setAside;
    private final Map<String, String> refused = new ConcurrentHashMap<>();

    /** @param setAside files not to take even so (in run-once mode, the files that could not be moved) */
    public SourceFiles(Predicate<Path> setAside) {
        this.setAside = setAside;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        // the file as listed: Camel's own names of it have a backslash turned into a separator already
        return !file.isDirectory() && isToPublish(file.getFile().toPath());
    }

    /** Whether the file is one to publish, and not set aside; a file that cannot be published is refused. */
    public boolean isToPublish(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || !name.endsWith(".csv")) {
            return false;
        }
        String refusal = refusal(file, name);
        if (refusal == null) {
            refused.remove(name);
            return !setAside.test(file.toAbsolutePath());
        }
        if (refusal.isEmpty()) {
            return false; // a folder, or gone since it was listed
        }
        if (!refusal.equals(refused.put(name, refusal))) {
            LOG.warn("Cannot publish '{}': {}", name, refusal);
        }
        return false;
    }

    /** The files refused so far and not taken since, by name, with why. */
    public Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    /** Why the file cannot be published, for the operator; null when it can; empty when it is no file to look at. */
    private static String refusal(Path file, String name) {
        if (name.contains("\\")) {
            // Camel's file component reads a backslash as a folder separator (it normalises paths for Windows), so
            // it never finds such a file
            return "a file name with a backslash is read as a path by Camel's file component; rename the file "
                    + "(without the backslash) and it is published";
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException gone) {
            return Files.isSymbolicLink(file) ? "it is a symbolic link to nothing (" + gone.getMessage() + ")" : "";
        }
        if (attributes.isDirectory()) {
            return "";
        }
        if (!attributes.isRegularFile()) {
            return "it is " + typeOf(file) + ", not a regular file: only regular files are published; remove it, "
                    + "and write the rows to a file";
        }
        if (!Files.isReadable(file)) {
            return "cannot read it: permission denied for this process's user (" + System.getProperty("user.name")
                    + "); it is published once that user can read it";
        }
        return null;
    }

    private static String typeOf(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            return OTHER_TYPES.getOrDefault(mode & TYPE_BITS, "a special file");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }
}
