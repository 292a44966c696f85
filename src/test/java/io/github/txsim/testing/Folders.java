package io.github.txsim.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What lies in a folder, for assertions on where files ended up. */
public final class Folders {

    private Folders() {
    }

    /** The names of the visible files in the folder, sorted; empty when the folder does not exist. */
    public static List<String> fileNames(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the folder read-only for this process: {@code chmod a-w}, or for root, whom modes do not stop,
     * {@code chattr +i} (immutable: no file can be added, removed or renamed in it).
     */
    public static void makeReadOnly(Path folder) {
        run(isRoot() ? List.of("chattr", "+i", folder.toString()) : List.of("chmod", "a-w", folder.toString()));
        if (Files.isWritable(folder) && !isRoot()) {
            throw new AssertionError(folder + " is still writable");
        }
    }

    /** Undoes {@link #makeReadOnly}. */
    public static void makeWritable(Path folder) {
        run(isRoot() ? List.of("chattr", "-i", folder.toString()) : List.of("chmod", "u+w", folder.toString()));
    }

    /** Deletes the folder and everything in it, as {@code rm -rf} does. */
    public static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (the test needs it to make a folder "
                        + "read-only; chattr is in Debian's e2fsprogs, and needs a file system that keeps attributes, "
                        + "such as ext4): " + output);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ", which the test needs to make a folder "
                    + "read-only: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
