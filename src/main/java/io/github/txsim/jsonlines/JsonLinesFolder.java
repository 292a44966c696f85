package io.github.txsim.jsonlines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.publish.Sink;
import io.github.txsim.rows.RecordLimits;
import io.github.txsim.support.LineFiles;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of JSON Lines files as the publisher's sink. A source file's records are appended to
 * {@code <name>.jsonl.part} (its {@code .csv} dropped), a line each, and acknowledged once they are on disk (forced);
 * when every row of the file is done ({@link #fileDone}) the file is renamed into place, {@code <name>.jsonl} (or
 * {@code <name>-2.jsonl} when that exists, as when a copy of a file is published again). A file cut short by a crash
 * resumes from its checkpoint into the same {@code .part}, whose last line is cut back to its last whole line first: at
 * most the groups that were in flight appear twice, as on Kinesis.
 */
final class JsonLinesFolder extends ServiceSupport implements Sink {

    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFolder.class);
    private static final String PART = JsonLinesReader.SUFFIX + ".part";
    /** A line has no limit of its own; a record is bounded by what a row may be. */
    private static final RecordLimits LIMITS = new RecordLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, "JSON Lines");

    private final Path folder;
    /** The files being written: one writer at a time each (groups in flight write to the same file). */
    private final Map<Path, PartFile> parts = new ConcurrentHashMap<>();

    /** A {@code .part} file, and whether its end was checked since this process first wrote to it. */
    private static final class PartFile {
        private boolean checked;
    }

    JsonLinesFolder(Path folder) {
        this.folder = folder;
    }

    @Override
    public String destination() {
        return JsonLinesReader.named(folder);
    }

    @Override
    public String name() {
        return "files:" + folder;
    }

    @Override
    public RecordLimits limits() {
        return LIMITS;
    }

    @Override
    protected void doStart() throws IOException {
        Files.createDirectories(folder);
        LOG.info("Records go to JSON Lines files in {}, one per source file", folder);
    }

    @Override
    public void send(String fileName, List<PendingRecord> records, Answers answers) {
        Path part = folder.resolve(baseName(fileName) + PART);
        PartFile file = parts.computeIfAbsent(part, path -> new PartFile());
        synchronized (file) {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                if (!file.checked) {
                    LineFiles.cutToLastLine(channel);
                    file.checked = true;
                }
                LineFiles.append(channel, records.stream().map(record -> record.record().data()).toList());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + part + ": " + e.getMessage(), e);
            }
        }
        answers.answered(records, Collections.nCopies(records.size(), null));
    }

    /** Renames the file's records into place, if this or an earlier run wrote any. */
    @Override
    public void fileDone(String fileName) throws IOException {
        String base = baseName(fileName);
        Path part = folder.resolve(base + PART);
        synchronized (parts.computeIfAbsent(part, path -> new PartFile())) {
            if (!Files.exists(part)) {
                return;
            }
            Path target = folder.resolve(base + JsonLinesReader.SUFFIX);
            for (int copy = 2; Files.exists(target); copy++) {
                target = folder.resolve(base + "-" + copy + JsonLinesReader.SUFFIX);
            }
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                LineFiles.cutToLastLine(channel); // a crash after the last records were acknowledged, before this
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            parts.remove(part);
        }
    }

    /**
     * Why the folder cannot take records, or null when it can: it is gone (deleted, unmounted), not writable, or
     * full. Publishing waits for it meanwhile, as for a stream deleted.
     */
    @Override
    public String unavailable(RuntimeException failure) {
        if (!Files.isDirectory(folder)) {
            return "The JSON Lines folder " + folder + " does not exist (any longer): create it again (the records of "
                    + "files that were being written in it are gone: verify names them)";
        }
        if (!Files.isWritable(folder)) {
            return "The JSON Lines folder " + folder + " is not writable: give this user write permission";
        }
        try {
            if (Files.getFileStore(folder).getUsableSpace() == 0) {
                return "The JSON Lines folder " + folder + " is on a full file system: make room";
            }
        } catch (IOException e) {
            return "Cannot look at the JSON Lines folder " + folder + ": " + e.getMessage();
        }
        return null;
    }

    /** The source file's name without {@code .csv}. */
    static String baseName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? fileName.substring(0, fileName.length() - 4)
                : fileName;
    }
}
