package io.github.txsim.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
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
