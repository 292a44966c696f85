package io.github.txsim.files;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.github.txsim.rows.FilePrefix;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The files archived so far, known by their bytes (length and CRC-32C), so that the same bytes dropped into the
 * source folder again are recognised: a copy sent twice by a transfer that was retried, a file moved back from the
 * archive by mistake. One CSV line per archived file, {@code archived-files.csv} in the checkpoints folder: a few
 * dozen bytes a file. A file is a copy only of one published to the same destination. (Its fourth column was named
 * {@code stream} before other destinations existed; columns are read by position, so older indexes read the same.)
 */
public final class ArchivedCopies {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader("archivedAs", "bytes", "crc32c", "destination", "archivedAt").get();

    private final Path index;

    /** A file archived earlier: its name in the archive folder, the destination it went to, and when. */
    public record Entry(String archivedAs, String destination, Instant archivedAt) {
    }

    public ArchivedCopies(Path checkpointsFolder) {
        this.index = checkpointsFolder.resolve("archived-files.csv");
    }

    /** Notes that a file of these bytes was archived under this name, after every row went to the destination. */
    public synchronized void add(String archivedAs, FilePrefix whole, String destination) {
        try {
            Files.createDirectories(index.getParent()); // the checkpoints folder, should it have gone meanwhile
            boolean fresh = !Files.exists(index);
            try (Writer writer = Files.newBufferedWriter(index, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
                    CSVPrinter printer = new CSVPrinter(writer, fresh ? FORMAT
                            : FORMAT.builder().setSkipHeaderRecord(true).get())) {
                printer.printRecord(archivedAs, whole.length(), whole.crc(), destination, Instant.now());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + index, e);
        }
    }

    /**
     * The archived file with the same bytes as this one, published to this destination; empty when there is none. Reads
     * the file only when an archived one has its length. An entry that cannot be read (the last line cut short by a
     * crash while it was appended) is passed over: it can only make a copy go unrecognised, never fail a file.
     */
    public synchronized Optional<Entry> copyOf(Path file, String destination) {
        if (!Files.exists(index)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
            long length = Files.size(file);
            for (CSVRecord entry : FORMAT.builder().setSkipHeaderRecord(true).get().parse(reader)) {
                Optional<Entry> copy = copy(entry, file, length, destination);
                if (copy.isPresent()) {
                    return copy;
                }
            }
            return Optional.empty();
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("Cannot read " + index + " or " + file, e instanceof IOException io ? io
                    : ((UncheckedIOException) e).getCause());
        }
    }

    /** The entry, when it is one of the file's bytes and destination; empty otherwise, and for an entry cut short. */
    private static Optional<Entry> copy(CSVRecord entry, Path file, long length, String destination) throws IOException {
        if (!entry.isConsistent()) {
            return Optional.empty();
        }
        try {
            if (Long.parseLong(entry.get("bytes")) != length || !entry.get("destination").equals(destination)
                    || !new FilePrefix(0, length, Long.parseLong(entry.get("crc32c"))).isPrefixOf(file)) {
                return Optional.empty();
            }
            return Optional.of(new Entry(entry.get("archivedAs"), destination, Instant.parse(entry.get("archivedAt"))));
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
