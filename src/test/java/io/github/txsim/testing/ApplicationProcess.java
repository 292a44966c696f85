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
public final class ApplicationProcess {

    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Path output;
    private Process process;

    /** @param output where the process's output goes; the HTTP management server is off unless a test sets it */
    public ApplicationProcess(Path output) {
        this.output = output;
        properties.put("camel.management.enabled", "false");
    }

    public ApplicationProcess set(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public ApplicationProcess setAll(Map<String, String> values) {
        properties.putAll(values);
        return this;
    }

    /** An environment variable of the process; an empty value removes the variable. */
    public ApplicationProcess environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public ApplicationProcess start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("io.github.txsim.app.Application");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile());
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
