package io.github.txsim.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/** A file's checkpoint as a test looks at it from outside the application. */
public final class Checkpoint {

    private Checkpoint() {
    }

    /**
     * The rows done by the checkpoint in this file, 0 while there is none (the application writes one of 0 rows when
     * it starts a file, so a test that needs the file to be under way waits for more).
     */
    public static long rowsDone(Path checkpoint) throws IOException {
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(checkpoint)) {
            saved.load(reader);
        } catch (NoSuchFileException e) {
            return 0;
        }
        return Long.parseLong(saved.getProperty("rowsDone", "0"));
    }
}
