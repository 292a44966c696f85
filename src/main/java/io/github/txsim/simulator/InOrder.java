package io.github.txsim.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs numbered tasks on a pool and hands their results to one consumer, on the calling thread, in task order, with
 * at most {@code ahead} results made but not yet consumed: the bounded, ordered pipeline that lets several threads
 * draw a day while one writes it. (The JDK's executors complete tasks in any order, and a CompletionService neither
 * orders nor bounds; this is the few lines that do both.)
 */
final class InOrder {

    private InOrder() {
    }

    /**
     * @param executor runs the tasks; null runs them one after the other on the calling thread
     * @param tasks    how many tasks, numbered 0 .. tasks-1
     * @param ahead    how many tasks may run or wait ahead of the consumer (at least 1)
     */
    static <T> void run(ExecutorService executor, int tasks, int ahead, IntFunction<T> task, Consumer<T> consumer) {
        if (executor == null) {
            for (int i = 0; i < tasks; i++) {
                consumer.accept(task.apply(i));
            }
            return;
        }
        Deque<Future<T>> running = new ArrayDeque<>();
        int submitted = 0;
        try {
            while (submitted < tasks || !running.isEmpty()) {
                while (submitted < tasks && running.size() < ahead) {
                    int number = submitted++;
                    running.add(executor.submit(() -> task.apply(number)));
                }
                consumer.accept(running.poll().get());
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            running.forEach(future -> future.cancel(true));
        }
    }
}
