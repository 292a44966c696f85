package io.github.txsim.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.FileChangedExclusiveReadLockStrategy;

/**
 * When the publisher may take a file of the source folder: once it has settled. That is Camel's {@code changed} read
 * lock (nothing written to the file for a minimum age, checked every interval; after a timeout the file waits for the
 * next poll), with two shortcuts for files that are complete when they appear:
 * <ul>
 * <li>a file whose last change was not a write: one renamed or moved into the folder ({@code mv}, rsync, a program
 * that writes a hidden or {@code .part} file and renames it), or whose times were set after writing ({@code cp -p},
 * {@code scp -p}). Every write sets a file's modification and change times to the same instant; a rename or a change
 * of times sets only its change time ({@code ctime}). The kernel's clock for these times moves in ticks of a few
 * milliseconds, so a rename in the very tick of the last write looks like a write: that file waits for the minimum
 * age, as does every file where the file system does not tell the change time;</li>
 * <li>a file this application's generator announced ({@link #announce}) before renaming it into place.</li>
 * </ul>
 */
public final class SettledFileReadLock extends FileChangedExclusiveReadLockStrategy {

    private final Set<Path> announced = ConcurrentHashMap.newKeySet();

    /**
     * @param minAge        how long nothing may have been written to a file before it is taken
     * @param checkInterval how often a file not settled yet is looked at again
     * @param timeout       how long one poll waits for a file to settle
     */
    public SettledFileReadLock(Duration minAge, Duration checkInterval, Duration timeout) {
        setMinAge(minAge.toMillis());
        setCheckInterval(checkInterval.toMillis());
        setTimeout(timeout.toMillis());
        setMinLength(0);
        setMarkerFiler(false);
    }

    /** A complete file about to be renamed into the folder: it is taken at once. */
    public void announce(Path file) {
        announced.add(file.toAbsolutePath().normalize());
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<File> operations, GenericFile<File> file,
            Exchange exchange) throws Exception {
        Path path = Path.of(file.getAbsoluteFilePath()).normalize();
        if (announced.remove(path) || handedOver(path)) {
            exchange.setProperty(GrowingFile.HANDED_OVER, true);
            return true;
        }
        return super.acquireExclusiveReadLock(operations, file, exchange);
    }

    /** Whether the file's last change was not a write: it was renamed or moved here, or its times were set. */
    static boolean handedOver(Path file) {
        try {
            FileTime changed = (FileTime) Files.getAttribute(file, "unix:ctime");
            return changed.compareTo(Files.getLastModifiedTime(file)) > 0;
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
