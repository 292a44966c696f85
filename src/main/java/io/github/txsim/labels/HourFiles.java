package io.github.txsim.labels;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.txsim.support.LineFiles;

/**
 * The store of labels waiting, on disk ({@link PendingLabels}): per hour of known time the events' lines
 * ({@code 2026-12-07T13.labels}) and the ids acknowledged ({@code .sent}), and {@code settled.days}, the days that
 * have their settlement marker. Each file is of whole lines ({@link LineFiles}); the hours appended to most recently
 * stay open. Not thread-safe: the store calls it under its lock.
 */
final class HourFiles implements AutoCloseable {

    private static final String LABELS = ".labels";
    private static final String SENT = ".sent";
    private static final String SETTLED_DAYS = "settled.days";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    /**
     * Hour files kept open for appending: a backfill adds to a few hundred hours at once (the days after the ones it
     * publishes), and with fewer open most appends would open and close a file. 256 descriptors stay far below a
     * process's limit (the JVM raises it to the hard limit, usually 4,096 or more).
     */
    private static final int OPEN_FILES = 256;

    private final Path folder;
    private final Map<LocalDateTime, FileChannel> appending = new LinkedHashMap<>(OPEN_FILES, 0.75f, true);

    HourFiles(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** The hours that have events on disk. */
    List<LocalDateTime> hours() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(LABELS))
                    .map(name -> LocalDateTime.parse(name.substring(0, name.length() - LABELS.length()), HOUR))
                    .sorted().toList();
        }
    }

    /** The hour's event lines. */
    List<String> events(LocalDateTime hour) throws IOException {
        return lines(folder.resolve(HOUR.format(hour) + LABELS));
    }

    /** The ids of the hour's events acknowledged. */
    Set<String> sent(LocalDateTime hour) throws IOException {
        return new HashSet<>(lines(sentFile(hour)));
    }

    /** Appends event lines to the hour's file, written (not forced). */
    void appendEvents(LocalDateTime hour, List<byte[]> lines) throws IOException {
        LineFiles.append(channel(hour), lines, false);
    }

    /** Appends ids acknowledged to the hour's {@code .sent}, written (not forced). */
    void appendSent(LocalDateTime hour, List<byte[]> ids) throws IOException {
        try (FileChannel sent = FileChannel.open(sentFile(hour), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            LineFiles.cutToLastLine(sent);
            LineFiles.append(sent, ids, false);
        }
    }

    /** The days that have their settlement marker. */
    Set<LocalDate> settledDays() throws IOException {
        Set<LocalDate> days = new HashSet<>();
        for (String day : lines(folder.resolve(SETTLED_DAYS))) {
            days.add(LocalDate.parse(day));
        }
        return days;
    }

    /** Notes, forced to disk, that the day has its settlement marker. */
    void settle(LocalDate day) throws IOException {
        try (FileChannel days = FileChannel.open(folder.resolve(SETTLED_DAYS), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            LineFiles.cutToLastLine(days);
            LineFiles.append(days, List.of(day.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Deletes the hour's files: every event in them was acknowledged. */
    void delete(LocalDateTime hour) throws IOException {
        FileChannel channel = appending.remove(hour);
        if (channel != null) {
            channel.close();
        }
        Files.deleteIfExists(folder.resolve(HOUR.format(hour) + LABELS));
        Files.deleteIfExists(sentFile(hour));
    }

    @Override
    public void close() throws IOException {
        for (FileChannel channel : appending.values()) {
            channel.close();
        }
        appending.clear();
    }

    private FileChannel channel(LocalDateTime hour) throws IOException {
        FileChannel channel = appending.get(hour);
        if (channel == null) {
            if (appending.size() == OPEN_FILES) {
                Map.Entry<LocalDateTime, FileChannel> eldest = appending.entrySet().iterator().next();
                eldest.getValue().close();
                appending.remove(eldest.getKey());
            }
            channel = FileChannel.open(folder.resolve(HOUR.format(hour) + LABELS), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            LineFiles.cutToLastLine(channel); // a line cut short by kill -9
            appending.put(hour, channel);
        }
        return channel;
    }

    private Path sentFile(LocalDateTime hour) {
        return folder.resolve(HOUR.format(hour) + SENT);
    }

    /** The file's whole lines: a last line cut short by kill -9 is not one. */
    private static List<String> lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : text.substring(0, end).lines().toList();
    }
}
