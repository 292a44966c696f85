package io.github.txsim.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application run as its own JVM, the way a user runs it (same main class, the project folder as working
 * directory, so the real routes and application.properties), with system properties for the test's settings. Its
 * output goes to a file. For tests of what a process does: exit statuses, start-up errors, a kill -9.
 */
public final class ApplicationProcess implements AutoCloseable {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final List<String> prefix = new ArrayList<>();
    private Path jar;
    private Path workingDirectory;
    private final Path output;
    private Process process;

    /** @param output where the process's output goes; the HTTP management server is off unless a test sets it */
    public ApplicationProcess(Path output) {
        this.output = output;
        properties.put("camel.management.enabled", "false");
    }

    /**
     * A run-once run (it exits once the source folder is empty) against a stream of the given emulator, with its
     * folders below {@code dataFolder} and the generator off: the test puts the files in the source folder.
     */
    public static ApplicationProcess runOnce(Kinesalite kinesis, String stream, Path dataFolder, String name) {
        return new ApplicationProcess(dataFolder.resolve(name + ".log"))
                .setAll(kinesis.componentProperties())
                .set("kinesis.local.enabled", "false")
                .set("kinesis.streamName", stream)
                .set("app.runOnce", "true")
                .set("generator.enabled", "false")
                .dataFolders(dataFolder);
    }

    /** Every data folder (folders.*) in a subfolder of its name under {@code data}. */
    public ApplicationProcess dataFolders(Path data) {
        return set("folders.source", data.resolve("source").toString())
                .set("folders.archive", data.resolve("archive").toString())
                .set("folders.failed", data.resolve("failed").toString())
                .set("folders.checkpoints", data.resolve("checkpoints").toString())
                .set("folders.reports", data.resolve("reports").toString());
    }

    public ApplicationProcess set(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public ApplicationProcess setAll(Map<String, String> values) {
        properties.putAll(values);
        return this;
    }

    /** Runs the given jar ({@code java -jar}) instead of the main class on the test's classpath. */
    public ApplicationProcess fromJar(Path runnableJar) {
        this.jar = runnableJar.toAbsolutePath();
        return this;
    }

    /** The process's working directory (the project folder unless set). */
    public ApplicationProcess in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /** A JVM option, such as {@code -Xmx128m}. */
    public ApplicationProcess jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** Command-line arguments after the main class or jar, such as {@code generate --days 2}. */
    public ApplicationProcess arguments(String... values) {
        arguments.addAll(List.of(values));
        return this;
    }

    /**
     * Runs the process without the right to read or write files its mode does not allow it: as root (as the tests may
     * run) without the capabilities that override file modes ({@code setpriv}), otherwise as the user it is.
     */
    public ApplicationProcess withoutFileOverrides() {
        if (System.getProperty("user.name").equals("root")) {
            if (!Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
                throw new AssertionError("/usr/bin/setpriv (util-linux) is needed to run the application as root "
                        + "without the right to read any file: install util-linux");
            }
            prefix.addAll(List.of("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search"));
        }
        return this;
    }

    /** An environment variable of the process; an empty value removes the variable. */
    public ApplicationProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ApplicationProcess start() throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("io.github.txsim.app.Application");
        }
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        process = builder.start();
        return this;
    }

    /** Waits for the process to end by itself, and returns its exit status. */
    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not end within " + within + "; its output:\n" + output());
        }
        return process.exitValue();
    }

    /** Asks the process to stop, as {@code kill} (SIGTERM) and systemd do, and returns its exit status. */
    public int terminate(Duration within) throws InterruptedException {
        process.destroy();
        return awaitExit(within);
    }

    /** Kills the process if it still runs (a test that failed before it ended), so that none outlives its test. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Sends the process a signal, such as {@code STOP} or {@code CONT}, as {@code kill -SIGNAL} does. */
    public void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    /** Kills the process at once, as kill -9 does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
