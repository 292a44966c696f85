package io.github.txsim.publish;

/**
 * Publishing of a file stopped before its end: the route is stopping (the file resumes at the next start), or a
 * group waiting for its turn learnt that the file already failed.
 */
public final class PublishingStoppedException extends RuntimeException {

    public PublishingStoppedException(String fileName) {
        this(fileName, "the application is stopping");
    }

    public PublishingStoppedException(String fileName, String reason) {
        super("publishing " + fileName + " stopped: " + reason);
    }
}
