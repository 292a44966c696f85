package io.github.txsim.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a text file whole or not at all: aside under a hidden name, then renamed into place, so that a reader (a
 * person, a test, a program waiting for the file) never sees half of it, and a crash leaves the old file or the new
 * one.
 */
public final class AtomicFiles {

    /** What writes the file's text. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Moves a file to a name that must be free: a file already there is never replaced (Camel's own move deletes it
     * first). Within one file system it is a hard link then an unlink, which fails atomically when the name is
     * taken, where a rename would silently replace it (Java offers no rename that refuses to replace); across file
     * systems, a copy that refuses to replace, then the delete.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the target exists
     */
    public static void moveWithoutReplacing(Path source, Path target) throws IOException {
        try {
            Files.createLink(target, source);
        } catch (UnsupportedOperationException | FileSystemException notHere) {
            if (notHere instanceof FileAlreadyExistsException taken) {
                throw taken;
            }
            Files.move(source, target);
            return;
        }
        try {
            Files.delete(source);
        } catch (IOException e) {
            Files.deleteIfExists(target); // the file stays where it was, and only there
            throw e;
        }
    }

    public static void write(Path target, Content content) {
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                content.writeTo(writer);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
