package io.github.txsim.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Objects;

import org.apache.camel.support.service.ServiceSupport;

/**
 * One application per source folder. Two instances on one folder would both publish each file (every record twice)
 * and fight over its move, so the first takes an operating-system lock on a hidden file of the folder,
 * {@code .txsim.lock}, and holds it while it runs; a second is refused at start, told who holds the folder. The lock
 * goes with its holder: a process that ends, even by kill -9, releases it, so a restart is never locked out.
 * (The lock file itself stays; its text only says who held it last.)
 * <p>
 * A lock is on a file, not on a name: a folder deleted and created again ({@code rm -rf}, a remount) comes back
 * without it, and a second instance could take the new folder. So the lock knows the file it holds
 * ({@link #state}) and can be taken again on the folder's new lock file ({@link #retake}); {@link SourceFolderWatch}
 * looks before every poll.
 */
public final class SourceFolderLock extends ServiceSupport {

    static final String NAME = ".txsim.lock";

    /** Where the lock stands. */
    public enum State {
        /** The folder's lock file is the one this lock holds. */
        HELD,
        /** The folder is not there (deleted, moved, unmounted), or is no longer a folder. */
        FOLDER_GONE,
        /** The folder is there, but its lock file is not the one held: the folder was deleted and created again. */
        FOLDER_REPLACED
    }

    private final Path folder;
    private final Path file;
    private FileChannel channel;
    private Object heldFile;

    private SourceFolderLock(Path folder) {
        this.folder = folder;
        this.file = folder.resolve(NAME);
    }

    /**
     * Takes the folder.
     *
     * @throws IllegalStateException when another instance holds it, naming that instance
     */
    public static SourceFolderLock take(Path folder) {
        SourceFolderLock taken = new SourceFolderLock(folder);
        taken.acquire();
        return taken;
    }

    public Path folder() {
        return folder;
    }

    /** Whether the folder's lock file is still the one held. */
    public synchronized State state() {
        if (!Files.isDirectory(folder)) {
            return State.FOLDER_GONE;
        }
        try {
            Object current = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return Objects.equals(current, heldFile) ? State.HELD : State.FOLDER_REPLACED;
        } catch (NoSuchFileException e) {
            return Files.isDirectory(folder) ? State.FOLDER_REPLACED : State.FOLDER_GONE;
        } catch (IOException e) {
            return State.FOLDER_REPLACED;
        }
    }

    /**
     * Takes the lock again, on the folder's lock file as it is now, letting go of the one held before.
     *
     * @throws IllegalStateException when another instance holds the folder now, naming that instance
     */
    public synchronized void retake() {
        release();
        acquire();
    }

    private void acquire() {
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                channel = null;
                throw new IllegalStateException(String.format("The source folder %s is in use by another instance of "
                        + "the application (%s): stop it first, or give this one a folders.source of its own",
                        folder, holder.isEmpty() ? "holder unknown" : holder));
            }
            heldFile = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.format("pid %d on %s since %s%n", ProcessHandle.current().pid(),
                    hostName(), Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the source folder " + folder + ": " + e, e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "this host";
        }
    }

    @Override
    protected void doStart() {
        // taken when created, so that a refused start says so before anything else starts
    }

    @Override
    protected synchronized void doStop() {
        release();
    }

    private void release() {
        try {
            if (channel != null) {
                channel.close(); // releases the lock
            }
        } catch (IOException e) {
            // the lock goes with the channel all the same
        }
        channel = null;
        heldFile = null;
    }
}
