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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.apache.camel.support.service.ServiceSupport;

/**
 * One application per source folder. Two instances on one folder would both publish each file (every record twice)
 * and fight over its move, so the first takes an operating-system lock on a hidden file of the folder,
 * {@code .txsim.lock}, and holds it while it runs; a second is refused at start, told who holds the folder. The lock
 * goes with its holder: a process that ends, even by kill -9, releases it, so a restart is never locked out.
 * (The lock file itself stays; its text only says who held it last.)
 */
public final class SourceFolderLock extends ServiceSupport {

    static final String NAME = ".txsim.lock";

    private final Path file;
    private FileChannel channel;
    private FileLock lock;

    private SourceFolderLock(Path folder) {
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

    private void acquire() {
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new IllegalStateException(String.format("The source folder %s is in use by another instance of "
                        + "the application (%s): stop it first, or give this one a folders.source of its own",
                        file.getParent(), holder.isEmpty() ? "holder unknown" : holder));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(String.format("pid %d on %s since %s%n", ProcessHandle.current().pid(),
                    hostName(), Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the source folder " + file.getParent() + ": " + e, e);
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
    protected void doStop() throws IOException {
        if (channel != null) {
            channel.close(); // releases the lock
        }
    }
}
