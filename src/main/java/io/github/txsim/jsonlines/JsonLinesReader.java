package io.github.txsim.jsonlines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.txsim.publish.RecordSource;

/**
 * Reads a folder's JSON Lines files back, each line a record: the complete files only ({@code *.jsonl}; a file still
 * being written is {@code *.jsonl.part}), with {@code since} those last written from that time on.
 */
final class JsonLinesReader implements RecordSource {

    static final String SUFFIX = ".jsonl";

    private final Path folder;

    JsonLinesReader(Path folder) {
        this.folder = folder;
    }

    @Override
    public String destination() {
        return named(folder);
    }

    /** The folder as messages name it: {@code JSON Lines folder '/data/records'}. */
    static String named(Path folder) {
        return "JSON Lines folder '" + folder + "'";
    }

    @Override
    public void read(Instant since, Consumer<byte[]> each) {
        try {
            for (Path file : files()) {
                if (since != null && Files.getLastModifiedTime(file).toInstant().isBefore(since)) {
                    continue;
                }
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        if (!line.isEmpty()) {
                            each.accept(line.getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the JSON Lines files of " + folder + ": " + e.getMessage(), e);
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file))
                    .sorted().toList();
        }
    }
}
