package io.github.txsim.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;

/**
 * A local server started as a child process that prints one line saying where it listens: its output is read until
 * that line (its port, the pattern's first group), the rest goes to the log at DEBUG.
 */
public final class ListeningChild {

    private ListeningChild() {
    }

    /**
     * Waits until the child says it listens, and answers its port.
     *
     * @throws IllegalStateException when it exits first, or does not say so within the timeout (then it is killed)
     */
    public static int awaitListening(Process process, Pattern listening, String name, long timeoutSeconds, Logger log)
            throws InterruptedException {
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> earlyOutput = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher m = listening.matcher(line);
                    if (!port.isDone() && m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    } else if (!port.isDone()) {
                        earlyOutput.add(line);
                    } else {
                        log.debug("{}: {}", name, line);
                    }
                }
            } catch (IOException e) {
                log.debug("{} output closed: {}", name, e.getMessage());
            }
            port.completeExceptionally(new IllegalStateException(
                    name + " exited before listening: " + String.join(" | ", earlyOutput)));
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not listen within " + timeoutSeconds + " s");
        }
    }

    /** Stops the child: politely, then by force after ten seconds. */
    public static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
