package io.github.txsim.files;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.txsim.rows.FilePrefix;
import io.github.txsim.rows.Reject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishing progress of each source file, kept on disk so that a restart after a crash resumes where the file
 * stood: how many leading rows are done (acknowledged by Kinesis, or rejected), how many of them were rejected, and
 * where in the file they end; and the rows rejected so far.
 * <p>
 * A checkpoint holds for a file that still starts with the bytes its rows done were read from ({@link FilePrefix}):
 * the same file, a failed file moved back unchanged, or one fixed or completed after that point. Any other file with
 * the name starts from its first row. The checkpoint is replaced atomically after every group, so a crash leaves the
 * previous one or the new one, never half of one. A failed file's checkpoint follows it under its failed-folder name
 * ({@link #park}), until the file comes back.
 */
public final class Checkpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);

    private static final String CHECKPOINT = ".checkpoint";
    private static final String REJECTS = ".rejects";
    /** The subfolder where the checkpoints of failed files wait, under their failed-folder names. */
    private static final String FAILED = "failed";
    static final CSVFormat REJECTS_FORMAT = CSVFormat.RFC4180.builder().setHeader("line", "reason", "row").get();

    private final Path folder;

    /**
     * Where a file stands.
     *
     * @param rowsDone the leading rows done
     * @param rejected how many of them were rejected
     * @param end      the part of the file they were read from
     */
    public record Checkpoint(long rowsDone, long rejected, FilePrefix end) {
        public static final Checkpoint START = new Checkpoint(0, 0, FilePrefix.EMPTY);

        /** The rows done that the destination acknowledged. */
        public long acknowledged() {
            return rowsDone - rejected;
        }
    }

    public Checkpoints(Path folder) {
        this.folder = folder;
    }

    /**
     * The checkpoint of this file, if the file still starts with the part its rows done came from; else the start.
     * A file moved back from the failed folder finds the checkpoint it left there under its failed-folder name.
     */
    public Checkpoint load(Path file) {
        String name = file.getFileName().toString();
        Checkpoint active = read(checkpointOf(name));
        if (active != null && holds(active, file)) {
            return active;
        }
        clear(file); // none, one this version cannot read, or another file's of that name
        Checkpoint parked = read(parkedCheckpointOf(name));
        if (parked != null && holds(parked, file)) {
            move(parkedCheckpointOf(name), checkpointOf(name));
            move(parkedRejectsOf(name), rejectsOf(name));
            return parked;
        }
        return Checkpoint.START;
    }

    /**
     * The file moved to the failed folder under this name: its checkpoint and rejects wait there under that name, so
     * that moved back, fixed or not, it resumes where it stopped, whatever other file took its old name meanwhile.
     */
    public void park(Path file, String failedName) {
        String name = file.getFileName().toString();
        try {
            Files.createDirectories(parkedCheckpointOf(failedName).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + parkedCheckpointOf(failedName).getParent(), e);
        }
        move(checkpointOf(name), parkedCheckpointOf(failedName));
        move(rejectsOf(name), parkedRejectsOf(failedName));
    }

    /** Undoes {@link #park}: the file could not be moved to the failed folder after all. */
    public void unpark(Path file, String failedName) {
        String name = file.getFileName().toString();
        move(parkedCheckpointOf(failedName), checkpointOf(name));
        move(parkedRejectsOf(failedName), rejectsOf(name));
    }

    private static boolean holds(Checkpoint checkpoint, Path file) {
        try {
            return checkpoint.end().isPrefixOf(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static void move(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + from + " to " + to, e);
        }
    }

    /** The checkpoint in this file, or null when there is none or this version cannot read it. */
    private static Checkpoint read(Path checkpoint) {
        if (!Files.exists(checkpoint)) {
            return null;
        }
        try {
            Properties saved = new Properties();
            try (Reader reader = Files.newBufferedReader(checkpoint, StandardCharsets.UTF_8)) {
                saved.load(reader);
            }
            return parse(saved);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint " + checkpoint, e);
        }
    }

    /** A checkpoint as saved, or null for one this version cannot read (an older one: the file starts again). */
    private static Checkpoint parse(Properties saved) {
        try {
            return new Checkpoint(Long.parseLong(saved.getProperty("rowsDone")),
                    Long.parseLong(saved.getProperty("rejected")),
                    new FilePrefix(Long.parseLong(saved.getProperty("lines")),
                            Long.parseLong(saved.getProperty("bytes")), Long.parseLong(saved.getProperty("crc32c"))));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Records that the file's leading rows are done, with the rows rejected among the ones done last. A checkpoints
     * folder deleted meanwhile is created again, with a WARN: the checkpoints and rejects it held went with it (the
     * WARN counts the file's rejects no longer listed), and a file that crashed before its next checkpoint would start
     * again from its first row.
     */
    public synchronized void save(Path file, Checkpoint checkpoint, List<Reject> newRejects) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                long lost = checkpoint.rejected() - newRejects.size();
                LOG.warn("The checkpoints folder {} was gone (deleted, moved or unmounted): created again. The "
                        + "checkpoints and rejects it held went with it{}; {} goes on after row {}", folder,
                        lost == 0 ? "" : String.format(" (%,d rows of %s rejected so far are no longer listed in its "
                                + ".rejects)", lost, file.getFileName()), file.getFileName(), checkpoint.rowsDone());
            }
            if (!newRejects.isEmpty()) {
                boolean fresh = !Files.exists(rejectsOf(file));
                try (Writer writer = Files.newBufferedWriter(rejectsOf(file), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        CSVPrinter printer = new CSVPrinter(writer, fresh ? REJECTS_FORMAT
                                : REJECTS_FORMAT.builder().setSkipHeaderRecord(true).get())) {
                    for (Reject reject : newRejects) {
                        printer.printRecord(reject.line(), reject.reason(), reject.row());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the rejects of " + file.getFileName(), e);
        }
        Properties saved = new Properties();
        saved.setProperty("rowsDone", Long.toString(checkpoint.rowsDone()));
        saved.setProperty("rejected", Long.toString(checkpoint.rejected()));
        saved.setProperty("lines", Long.toString(checkpoint.end().lines()));
        saved.setProperty("bytes", Long.toString(checkpoint.end().length()));
        saved.setProperty("crc32c", Long.toString(checkpoint.end().crc()));
        AtomicFiles.write(checkpointOf(file), writer -> saved.store(writer, "publishing progress of "
                + file.getFileName()));
    }

    /**
     * The rows rejected so far, one per line (a row rejected again after a crash between saving its reject and its
     * checkpoint is listed once).
     */
    public List<Reject> rejects(Path file) {
        Path rejects = rejectsOf(file);
        if (!Files.exists(rejects)) {
            return List.of();
        }
        try {
            Map<Long, Reject> byLine = new LinkedHashMap<>();
            String text = Files.readString(rejects, StandardCharsets.UTF_8);
            for (CSVRecord record : REJECTS_FORMAT.builder().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text))) {
                long line = Long.parseLong(record.get(0));
                byLine.putIfAbsent(line, new Reject(line, record.get(1), record.get(2)));
            }
            return new ArrayList<>(byLine.values());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + rejects, e);
        }
    }

    /** Forgets the file: it is archived, or a new file took its name. */
    public void clear(Path file) {
        try {
            Files.deleteIfExists(checkpointOf(file));
            Files.deleteIfExists(rejectsOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the checkpoint of " + file.getFileName(), e);
        }
    }

    private Path checkpointOf(Path file) {
        return checkpointOf(file.getFileName().toString());
    }

    private Path rejectsOf(Path file) {
        return rejectsOf(file.getFileName().toString());
    }

    private Path checkpointOf(String name) {
        return folder.resolve(name + CHECKPOINT);
    }

    private Path rejectsOf(String name) {
        return folder.resolve(name + REJECTS);
    }

    private Path parkedCheckpointOf(String failedName) {
        return folder.resolve(FAILED).resolve(failedName + CHECKPOINT);
    }

    private Path parkedRejectsOf(String failedName) {
        return folder.resolve(FAILED).resolve(failedName + REJECTS);
    }

    /** Writes rejects, whole or not at all, as a CSV file with the columns line, reason, row. */
    static void writeRejects(Path target, List<Reject> rejects) {
        AtomicFiles.write(target, writer -> {
            CSVPrinter printer = new CSVPrinter(writer, REJECTS_FORMAT);
            for (Reject reject : rejects) {
                printer.printRecord(reject.line(), reject.reason(), reject.row());
            }
            printer.flush();
        });
    }
}
