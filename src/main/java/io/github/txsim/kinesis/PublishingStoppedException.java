package io.github.txsim.kinesis;

/** Publishing of a file stopped before its end because the route is stopping; the file resumes at the next start. */
public final class PublishingStoppedException extends RuntimeException {

    public PublishingStoppedException(String fileName) {
        super("publishing " + fileName + " stopped: the application is stopping");
    }
}
