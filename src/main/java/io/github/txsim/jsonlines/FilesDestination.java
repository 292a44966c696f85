package io.github.txsim.jsonlines;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.txsim.publish.Destination;
import io.github.txsim.publish.RequestLimits;
import io.github.txsim.publish.RecordSource;
import org.apache.camel.CamelContext;

/**
 * A folder of JSON Lines files ({@link JsonLinesFolder}). It counts as local: reading it back costs nothing, so a
 * run-once run verifies itself by default ({@code app.verify=auto}).
 */
final class FilesDestination implements Destination {

    /** A group's records are written and forced to disk together: no limit of the destination's own but memory. */
    private static final int MAX_GROUP_RECORDS = 10_000;

    private final Path folder;

    FilesDestination(Path folder) {
        this.folder = folder;
    }

    @Override
    public RequestLimits requestLimits() {
        return new RequestLimits(MAX_GROUP_RECORDS);
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public Connection connect(Context context) {
        return connection(folder);
    }

    /** The label events' folder ({@code files.labels.folder}). */
    @Override
    public Connection connectAlso(Context context, String name) {
        return connection(Path.of(name).toAbsolutePath().normalize());
    }

    private static Connection connection(Path folder) {
        JsonLinesFolder sink = new JsonLinesFolder(folder);
        return new Connection(sink, "files-folder", health -> {
            health.detail("folder", folder.toString());
            String down = sink.unavailable(null);
            if (down == null) {
                health.up();
            } else {
                health.message(down).down();
            }
        }, () -> new JsonLinesReader(folder));
    }

    @Override
    public RecordSource reader(CamelContext camel) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("No such folder: " + folder + " (" + FilesDestinationType.FOLDER + ")");
        }
        return new JsonLinesReader(folder);
    }
}
