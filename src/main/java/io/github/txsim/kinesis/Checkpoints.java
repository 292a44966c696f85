package io.github.txsim.kinesis;

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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The publishing progress of each source file, kept on disk so that a restart after a crash resumes where the file
 * stood: how many leading rows are done (acknowledged by Kinesis, or rejected), and the rows rejected so far.
 * <p>
 * A checkpoint names the file's size and modification time besides its name: a new file with an old name starts
 * from its first row. The checkpoint is replaced atomically (written aside, then renamed) after every group, so a
 * crash leaves the previous one or the new one, never half of one.
 */
public final class Checkpoints {

    private static final String CHECKPOINT = ".checkpoint";
    private static final String REJECTS = ".rejects";
    static final CSVFormat REJECTS_FORMAT = CSVFormat.RFC4180.builder().setHeader("line", "reason", "row").get();

    private final Path folder;

    /** Where a file stands: the leading rows done, and how many of them Kinesis acknowledged. */
    public record Checkpoint(long rowsDone, long acknowledged) {
        static final Checkpoint START = new Checkpoint(0, 0);
    }

    public Checkpoints(Path folder) {
        this.folder = folder;
    }

    /** The checkpoint of this very file (same name, size and modification time), or the start. */
    public Checkpoint load(Path file) {
        Path checkpoint = checkpointOf(file);
        if (!Files.exists(checkpoint)) {
            return Checkpoint.START;
        }
        try {
            Properties saved = new Properties();
            try (Reader reader = Files.newBufferedReader(checkpoint, StandardCharsets.UTF_8)) {
                saved.load(reader);
            }
            if (!identity(file).equals(saved.getProperty("identity"))) {
                clear(file);
                return Checkpoint.START;
            }
            return new Checkpoint(Long.parseLong(saved.getProperty("rowsDone")),
                    Long.parseLong(saved.getProperty("acknowledged")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the checkpoint " + checkpoint, e);
        }
    }

    /** Records that the file's leading rows are done, with the rows rejected among the ones done last. */
    public synchronized void save(Path file, Checkpoint checkpoint, List<Reject> newRejects) {
        try {
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
            Properties saved = new Properties();
            saved.setProperty("identity", identity(file));
            saved.setProperty("rowsDone", Long.toString(checkpoint.rowsDone()));
            saved.setProperty("acknowledged", Long.toString(checkpoint.acknowledged()));
            Path partial = folder.resolve("." + file.getFileName() + CHECKPOINT + ".part");
            try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                saved.store(writer, "publishing progress of " + file.getFileName());
            }
            Files.move(partial, checkpointOf(file), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the checkpoint of " + file.getFileName(), e);
        }
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
        return folder.resolve(file.getFileName() + CHECKPOINT);
    }

    private Path rejectsOf(Path file) {
        return folder.resolve(file.getFileName() + REJECTS);
    }

    private static String identity(Path file) {
        try {
            return file.getFileName() + ";" + Files.size(file) + ";" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + file, e);
        }
    }

    /** Writes rejects as a CSV file with the columns line, reason, row. */
    static void writeRejects(Path target, List<Reject> rejects) {
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, REJECTS_FORMAT)) {
            for (Reject reject : rejects) {
                printer.printRecord(reject.line(), reject.reason(), reject.row());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
