package io.github.txsim.publish;

import java.time.Instant;

/**
 * Whether something waits for its destination, and since when: what readiness reports
 * ({@link DestinationHealthCheck}).
 */
public interface Waiting {

    /** When the wait began; null while nothing waits. */
    Instant since();

    /** Why it waits, said for an operator; null while nothing waits. */
    String reason();
}
