package io.github.txsim.publish;

import java.util.concurrent.TimeUnit;

/**
 * Raised when the publish route is told to stop (the application shutting down, on SIGTERM say): publishing takes on
 * no new group, waits (paced records, back-off between retries) end at once, and a file cut short stays in the
 * source folder with its checkpoint, to resume at the next start. Lowered again when the route starts.
 */
public final class StopSignal {

    private boolean raised;

    public synchronized void raise() {
        raised = true;
        notifyAll();
    }

    public synchronized void lower() {
        raised = false;
    }

    public synchronized boolean isRaised() {
        return raised;
    }

    /** Waits for the given time, or less when the signal is raised meanwhile. */
    public synchronized void await(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (long left = deadline - System.nanoTime(); !raised && left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
