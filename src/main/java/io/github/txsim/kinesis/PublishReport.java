package io.github.txsim.kinesis;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator what happens to each file (a line when it starts, a summary when it is archived or fails) and
 * keeps the totals of the run. The publish route calls it at the start and the end of each file.
 */
public final class PublishReport {

    private static final Logger LOG = LoggerFactory.getLogger(PublishReport.class);

    private final String streamName;
    private final AtomicLong filesPublished = new AtomicLong();
    private final AtomicLong filesFailed = new AtomicLong();
    private final AtomicLong records = new AtomicLong();

    /**
     * The totals of a run.
     *
     * @param filesPublished files whose every row was acknowledged (archived)
     * @param filesFailed    files moved to the failed folder
     * @param records        records acknowledged by Kinesis, from all files
     */
    public record Totals(long filesPublished, long filesFailed, long records) {
    }

    public PublishReport(String streamName) {
        this.streamName = streamName;
    }

    public void fileStarted(Exchange exchange) {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        exchange.setProperty(FileProgress.PROPERTY, new FileProgress(fileName));
        LOG.info("Publishing {} to Kinesis stream '{}'", fileName, streamName);
    }

    public void fileCompleted(Exchange exchange) {
        FileProgress progress = exchange.getProperty(FileProgress.PROPERTY, FileProgress.class);
        filesPublished.incrementAndGet();
        records.addAndGet(progress.acknowledged());
        double seconds = progress.seconds();
        LOG.info(String.format("Published %s: %,d rows, %,d records acknowledged in %.1f s (%,.0f records/s); "
                + "the file moves to the archive folder", progress.fileName(), progress.rows(),
                progress.acknowledged(), seconds, seconds > 0 ? progress.acknowledged() / seconds : 0));
    }

    public void fileFailed(Exchange exchange) {
        FileProgress progress = exchange.getProperty(FileProgress.PROPERTY, FileProgress.class);
        if (progress == null) {
            return;
        }
        filesFailed.incrementAndGet();
        records.addAndGet(progress.acknowledged());
        Exception cause = progress.lastError();
        LOG.error(String.format("Failed to publish %s (%,d records acknowledged before the failure): %s; "
                + "the file moves to the failed folder", progress.fileName(), progress.acknowledged(),
                cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
    }

    public Totals totals() {
        return new Totals(filesPublished.get(), filesFailed.get(), records.get());
    }
}
