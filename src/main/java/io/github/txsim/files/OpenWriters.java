package io.github.txsim.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes that hold a file open for writing, as Linux tells through {@code /proc}: each {@code /proc/PID/fd/N}
 * links to the file a descriptor is open on, and {@code /proc/PID/fdinfo/N} gives its open flags. The JDK has no way
 * to ask this ({@code lsof} and {@code fuser} read the same files). Only processes this one may inspect are seen (all
 * of them as root, the user's own otherwise); elsewhere than Linux, none.
 */
final class OpenWriters {

    private static final Path PROC = Path.of("/proc");
    /** O_WRONLY | O_RDWR: a descriptor open for writing. */
    private static final int WRITE_MODES = 3;

    private OpenWriters() {
    }

    /** The ids of the processes that hold the file open for writing; empty when none is seen. */
    static List<Long> of(Path file) {
        List<Long> writers = new ArrayList<>();
        Path target;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            return writers;
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, OpenWriters::isProcess)) {
            for (Path process : processes) {
                if (holdsForWriting(process, target)) {
                    writers.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            return writers;
        }
        return writers;
    }

    private static boolean isProcess(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static boolean holdsForWriting(Path process, Path target) {
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                if (links(descriptor, target) && isOpenForWriting(process, descriptor.getFileName().toString())) {
                    return true;
                }
            }
        } catch (IOException | SecurityException e) {
            return false; // gone meanwhile, or not ours to inspect
        }
        return false;
    }

    private static boolean links(Path descriptor, Path target) {
        try {
            return Files.readSymbolicLink(descriptor).equals(target);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean isOpenForWriting(Path process, String descriptor) {
        try {
            for (String line : Files.readAllLines(process.resolve("fdinfo").resolve(descriptor))) {
                if (line.startsWith("flags:")) {
                    return (Integer.parseInt(line.substring("flags:".length()).strip(), 8) & WRITE_MODES) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }
}
