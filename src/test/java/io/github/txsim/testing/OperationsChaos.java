package io.github.txsim.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One seeded schedule of what operations do to a running service (a process of the application, publishing to a
 * {@link ChaosTarget}: a stream of a real kinesalite behind the fault proxy, or a topic of a local Kafka broker): files
 * handed over, written slowly by a writer that pauses with the file open, appended to after they were closed, truncated
 * while written; a FIFO named like a file; the archive folder turned read-only for a while; the source folder deleted
 * and created again; the instance killed (kill -9) or stopped and started again; a second instance started on the same
 * folder; and the destination's own: the endpoint gone for a while and the stream deleted and created again, or the
 * broker killed and the topic deleted (and created again by Kafka's producer or by hand). Writers run beside the
 * schedule, so their pauses overlap the other actions. Then {@link ChaosAccounting} checks what the folders and the
 * destination hold.
 * <p>
 * A schedule performs every action once, in an order the seed chooses, then actions drawn at random. The seed chooses
 * that order, the actions drawn, the files' sizes and every pause; the timings of the processes around them vary from
 * run to run, which is the point: the invariant must hold whatever they are.
 */
public final class OperationsChaos {

    /** What a step of the schedule does. */
    public enum Action {
        HAND_OVER, SLOW_WRITER, APPEND_AFTER_CLOSE, TRUNCATE_WHILE_WRITTEN, ARCHIVE_READ_ONLY, KILL_AND_RESTART,
        STOP_AND_RESTART, SECOND_INSTANCE, FOLDER_RECREATED, ODD_FILE,
        /** Kinesis's. */
        ENDPOINT_GONE, STREAM_RECREATED,
        /** Kafka's. */
        BROKER_KILLED, TOPIC_RECREATED
    }

    /** The actions of every schedule, whatever the destination. */
    private static final List<Action> EVERY_DESTINATION = List.of(Action.HAND_OVER, Action.SLOW_WRITER,
            Action.APPEND_AFTER_CLOSE, Action.TRUNCATE_WHILE_WRITTEN, Action.ARCHIVE_READ_ONLY, Action.KILL_AND_RESTART,
            Action.STOP_AND_RESTART, Action.SECOND_INSTANCE, Action.FOLDER_RECREATED, Action.ODD_FILE);

    /** The schedule's own pauses, drawn from its seed. */
    public interface Pauses {
        void pause(int fromMillis, int toMillis) throws InterruptedException;
    }

    static final int GROUP_SIZE = 100;
    static final int MAX_IN_FLIGHT = 4;
    private static final Duration SETTLE = Duration.ofSeconds(180);

    private final ChaosTarget target;
    private final List<Action> actions;
    private final Path data;
    private final Path source;
    private final long seed;
    private final SplittableRandom random;
    /** The pauses before a refused start is tried again: drawn apart, since how many there are depends on timing. */
    private final SplittableRandom retryPauses;
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<Future<?>> writers = new ArrayList<>();
    private final Map<Action, Integer> performed = new EnumMap<>(Action.class);
    private final ChaosAccounting accounting;
    private final Map<String, List<String>> rowsByFile = new ConcurrentHashMap<>();
    private ApplicationProcess instance;
    private int instances;
    private int refusedStarts;
    private int files;
    private LocalDate nextDay = LocalDate.of(2027, 1, 1);

    public OperationsChaos(ChaosTarget target, Path data, long seed) {
        this.target = target;
        List<Action> drawn = new ArrayList<>(EVERY_DESTINATION);
        drawn.addAll(target.actions());
        this.actions = List.copyOf(drawn);
        this.data = data;
        this.source = data.resolve("source");
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.retryPauses = new SplittableRandom(~seed); // the schedule's own draws stay as they were
        this.accounting = new ChaosAccounting(data);
    }

    /** Runs a schedule of the given number of steps, waits until every file has left the source folder, checks. */
    public ChaosAccounting.Result run(int steps) throws Exception {
        return run(steps, false);
    }

    /**
     * Runs a schedule as {@link #run(int)} does, the destination's own actions first when {@code ownFirst}: a short
     * schedule then performs them, and as many of the others as its steps allow.
     */
    public ChaosAccounting.Result run(int steps, boolean ownFirst) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(source);
        Files.createDirectories(data.resolve("archive"));
        target.open();
        try {
            instance = startInstance();
            // every action once, in an order of the seed's, then actions drawn at random
            List<Action> firstOfEach = new ArrayList<>(actions);
            for (int i = firstOfEach.size() - 1; i > 0; i--) {
                Collections.swap(firstOfEach, i, random.nextInt(i + 1));
            }
            if (ownFirst) {
                firstOfEach.sort(Comparator.comparing(action -> !target.actions().contains(action)));
            }
            for (int step = 0; step < steps; step++) {
                Action action = step < firstOfEach.size() ? firstOfEach.get(step)
                        : actions.get(random.nextInt(actions.size()));
                perform(action);
                performed.merge(action, 1, Integer::sum);
                pause(0, 800);
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            Folders.makeWritable(data.resolve("archive"));
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(200)).until(() -> Folders.fileNames(source).stream()
                    .noneMatch(name -> name.endsWith(".csv")));
            instance.terminate(Duration.ofSeconds(60));
            accounting.streamRecords(target.records());
            return accounting.check(target.name(), seed, performed, refusedStarts, MAX_IN_FLIGHT * GROUP_SIZE,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (Throwable failure) {
            throw new AssertionError("chaos schedule of seed " + seed + " on " + target.name() + " failed ("
                    + performed + "); the last instance's output:\n" + (instance == null ? "" : instance.output()),
                    failure);
        } finally {
            background.shutdownNow();
            Folders.makeWritable(data.resolve("archive"));
            if (instance != null) {
                instance.close();
            }
            target.close();
        }
    }

    private void perform(Action action) throws Exception {
        switch (action) {
            case HAND_OVER -> {
                String name = nextName();
                TransactionFiles.write(source, name, text(nextFile(name)));
            }
            case SLOW_WRITER -> {
                String name = nextName();
                slowWriter(name, nextFile(name), random.nextInt(300, 2_500));
            }
            case APPEND_AFTER_CLOSE -> {
                String name = nextName();
                appendAfterClose(name, nextFile(name), random.nextInt(300, 3_000));
            }
            case TRUNCATE_WHILE_WRITTEN -> {
                String name = nextName();
                truncateWhileWritten(name, nextFile(name), random.nextInt(100, 1_500));
            }
            case ARCHIVE_READ_ONLY -> {
                Folders.makeReadOnly(data.resolve("archive"));
                long millis = random.nextInt(500, 3_000);
                writers.add(background.submit(() -> {
                    TimeUnit.MILLISECONDS.sleep(millis);
                    Folders.makeWritable(data.resolve("archive"));
                    return null;
                }));
            }
            case KILL_AND_RESTART -> {
                instance.kill();
                accounting.disrupted();
                instance = startInstance();
            }
            case STOP_AND_RESTART -> {
                instance.terminate(Duration.ofSeconds(60));
                accounting.disrupted();
                instance = startInstance();
            }
            case SECOND_INSTANCE -> secondInstance();
            case FOLDER_RECREATED -> folderRecreated();
            case ODD_FILE -> {
                files++;
                Process mkfifo = new ProcessBuilder("mkfifo", source.resolve(String.format("chaos-%03d-fifo.csv",
                        files)).toString()).inheritIO().start();
                assertEquals(0, mkfifo.waitFor(), "mkfifo (coreutils) is needed to make a FIFO");
            }
            default -> target.perform(action, instance, accounting, this::pause);
        }
    }

    /**
     * {@code rm -rf} of the source folder, files and all, and {@code mkdir} a little later, once the writers are done
     * (so that every file deleted is known); the rows of the files deleted may or may not be in the stream. Then the
     * instance must hold the new folder again before the schedule goes on.
     */
    private void folderRecreated() throws Exception {
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        for (String name : Folders.fileNames(source)) {
            accounting.removed(rowsByFile.getOrDefault(name, List.of()));
        }
        long heldAgain = heldAgain();
        Folders.deleteTree(source);
        pause(300, 2_000);
        Files.createDirectories(source);
        await().atMost(Duration.ofSeconds(90)).until(() -> heldAgain() > heldAgain || !instance.isAlive());
    }

    /** How many times the instance said it holds the source folder again. */
    private long heldAgain() {
        return instance.output().lines().filter(line -> line.contains("The source folder " + source)
                && (line.contains(" is back after ") || line.contains("this instance holds it again"))).count();
    }

    /**
     * Starts an instance and waits until it publishes. A start refused (the archive read-only at that moment, the
     * endpoint gone) is tried again, as systemd's {@code Restart=on-failure} would.
     */
    private ApplicationProcess startInstance() throws Exception {
        for (int attempt = 1; ; attempt++) {
            instances++;
            ApplicationProcess started = new ApplicationProcess(data.resolve("instance-" + instances + ".log"))
                    .setAll(target.instanceSettings())
                    .dataFolders(data)
                    .set("generator.enabled", "false")
                    .set("app.runOnce", "false")
                    .set("publish.groupSize", Integer.toString(GROUP_SIZE))
                    .set("publish.maxInFlight", Integer.toString(MAX_IN_FLIGHT))
                    .set("publish.pollDelay", "200ms")
                    .set("publish.readLock.minAge", "1s")
                    .set("publish.readLock.checkInterval", "100ms")
                    .start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !started.isAlive()
                    || started.output().contains(target.readyLine()));
            if (started.isAlive()) {
                return started;
            }
            assertTrue(attempt < 20, "the instance does not start:\n" + started.output());
            refusedStarts++;
            TimeUnit.MILLISECONDS.sleep(retryPauses.nextInt(300, 1_000));
        }
    }

    /** A second instance on the folder of the live one: refused, exit status 1. */
    private void secondInstance() throws Exception {
        instances++;
        ApplicationProcess second = new ApplicationProcess(data.resolve("second-" + instances + ".log"))
                .setAll(target.instanceSettings()).dataFolders(data).set("generator.enabled", "false").start();
        assertEquals(1, second.awaitExit(Duration.ofSeconds(60)), second.output());
        assertTrue(second.output().contains("is in use by another instance of the application"), second.output());
    }

    /** Writes part of the file in place, pauses with it open, writes the rest. */
    private void slowWriter(String name, List<String> lines, long pauseMillis) {
        int part = random.nextInt(1, lines.size());
        writers.add(background.submit(() -> {
            try (OutputStream writer = Files.newOutputStream(source.resolve(name))) {
                writer.write(text(lines.subList(0, part)));
                writer.flush();
                TimeUnit.MILLISECONDS.sleep(pauseMillis);
                writer.write(text(lines.subList(part, lines.size())));
            }
            return null;
        }));
    }

    /** Writes part of the file in place and closes it; later opens it again and appends the rest. */
    private void appendAfterClose(String name, List<String> lines, long pauseMillis) throws IOException {
        int part = random.nextInt(1, lines.size());
        Files.write(source.resolve(name), text(lines.subList(0, part)));
        writers.add(background.submit(() -> {
            TimeUnit.MILLISECONDS.sleep(pauseMillis);
            Files.write(source.resolve(name), text(lines.subList(part, lines.size())), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return null;
        }));
    }

    /**
     * Writes the file in place; later cuts it at a line, wherever it is then (the writer's handle follows it into
     * the archive when it was moved meanwhile); the rows cut off exist nowhere but in the stream.
     */
    private void truncateWhileWritten(String name, List<String> lines, long pauseMillis) throws IOException {
        int keep = random.nextInt(1, lines.size());
        Files.write(source.resolve(name), text(lines));
        long length = text(lines.subList(0, keep)).length;
        writers.add(background.submit(() -> {
            TimeUnit.MILLISECONDS.sleep(pauseMillis);
            try (FileChannel channel = FileChannel.open(source.resolve(name), StandardOpenOption.WRITE)) {
                accounting.cutOff(lines.subList(keep, lines.size()));
                channel.truncate(length);
            } catch (NoSuchFileException e) {
                // taken and moved before the cut: nothing is cut
            }
            return null;
        }));
    }

    /** The lines of the next file, of this name: a header and 50 to 1,500 rows of a day no other file has. */
    private List<String> nextFile(String name) throws IOException {
        List<String> lines = TransactionFiles.lines(nextDay, random.nextInt(50, 1_500));
        nextDay = nextDay.plusDays(1);
        accounting.written(lines.subList(1, lines.size()));
        rowsByFile.put(name, lines.subList(1, lines.size()));
        return Collections.unmodifiableList(lines);
    }

    private String nextName() {
        files++;
        return String.format("chaos-%03d.csv", files);
    }

    void pause(int fromMillis, int toMillis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(random.nextInt(fromMillis, toMillis));
    }

    private static byte[] text(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
