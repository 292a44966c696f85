package io.github.txsim.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.txsim.testing.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceFolderWatchTest {

    @TempDir
    Path data;

    private final AtomicInteger stops = new AtomicInteger();

    @Test
    void aServiceSkipsPollsWhileTheFolderIsGoneAndTakesItsNewLockWhenItIsCreatedAgain() throws Exception {
        Path source = Files.createDirectories(data.resolve("source"));
        SourceFolderLock lock = SourceFolderLock.take(source);
        SourceFolderWatch watch = new SourceFolderWatch(lock, false, stops::incrementAndGet);
        assertTrue(watch.begin(null, null));

        Folders.deleteTree(source);
        assertEquals(SourceFolderLock.State.FOLDER_GONE, lock.state());
        assertFalse(watch.begin(null, null));
        assertNotNull(watch.goneSince());

        Files.createDirectories(source);
        assertEquals(SourceFolderLock.State.FOLDER_REPLACED, lock.state());
        assertTrue(watch.begin(null, null));
        assertEquals(SourceFolderLock.State.HELD, lock.state());
        assertNull(watch.goneSince());
        assertEquals(0, stops.get());
        lock.stop();
    }

    @Test
    void aFolderMovedAwayAndBackIsHeldStill() throws Exception {
        Path source = Files.createDirectories(data.resolve("source"));
        SourceFolderLock lock = SourceFolderLock.take(source);
        SourceFolderWatch watch = new SourceFolderWatch(lock, false, stops::incrementAndGet);

        Files.move(source, data.resolve("moved"));
        assertFalse(watch.begin(null, null));
        Files.move(data.resolve("moved"), source);

        assertEquals(SourceFolderLock.State.HELD, lock.state());
        assertTrue(watch.begin(null, null));
        assertNull(watch.goneSince());
        lock.stop();
    }

    @Test
    void aRunOnceRunEndsWhenTheFolderIsGone() throws Exception {
        Path source = Files.createDirectories(data.resolve("source"));
        SourceFolderLock lock = SourceFolderLock.take(source);
        SourceFolderWatch watch = new SourceFolderWatch(lock, true, stops::incrementAndGet);

        Folders.deleteTree(source);

        assertFalse(watch.begin(null, null));
        assertTrue(watch.gaveUp());
        assertEquals(1, stops.get());
        assertFalse(watch.begin(null, null), "no poll after it gave up");
        assertEquals(1, stops.get(), "stopped once");
        lock.stop();
    }
}
