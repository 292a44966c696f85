package io.github.txsim.kinesis;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.commons.csv.CSVRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * Sends one group of CSV rows to Kinesis as one PutRecords request: one JSON record per row, each with its own
 * partition key (the row's partition-key column).
 * <p>
 * PutRecords can succeed for some entries and fail for others without throwing. The entries not yet acknowledged
 * stay on the exchange, and the processor throws; when the error handler redelivers the group, only those entries
 * are sent again, so an acknowledged record is never sent twice. (Camel's own aws2-kinesis batch producer uses one
 * partition key per batch and resends whole batches, which is why this processor calls the SDK itself.)
 * <p>
 * The processor starts and stops the stream with the route that uses it, so the stream is checked before the route
 * consumes its first file.
 */
public final class PutRecordsProcessor extends ServiceSupport implements Processor {

    /** The exchange property that holds the entries of a group not acknowledged yet. */
    static final String PENDING = "txsim.pendingRecords";

    private final KinesisStream stream;
    private final TransactionJson json = new TransactionJson();
    private final String partitionKeyColumn;

    public PutRecordsProcessor(KinesisStream stream, String partitionKeyColumn) {
        this.stream = stream;
        this.partitionKeyColumn = partitionKeyColumn;
    }

    @Override
    protected void doStart() {
        ServiceHelper.startService(stream);
    }

    @Override
    protected void doStop() {
        ServiceHelper.stopService(stream);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        FileProgress progress = exchange.getProperty(FileProgress.PROPERTY, FileProgress.class);
        List<PutRecordsRequestEntry> pending = pendingEntries(exchange, progress);
        if (pending.isEmpty()) {
            return;
        }
        PutRecordsResponse response = stream.putRecords(pending);
        List<PutRecordsResultEntry> results = response.records();
        if (results.size() != pending.size()) {
            throw new IllegalStateException(String.format(
                    "PutRecords answered %d results for %d records", results.size(), pending.size()));
        }
        List<PutRecordsRequestEntry> failed = new ArrayList<>();
        PutRecordsResultEntry firstFailure = null;
        for (int i = 0; i < results.size(); i++) {
            PutRecordsResultEntry result = results.get(i);
            if (result.errorCode() != null) {
                failed.add(pending.get(i));
                if (firstFailure == null) {
                    firstFailure = result;
                }
            }
        }
        progress.acknowledged(pending.size() - failed.size());
        exchange.setProperty(PENDING, failed);
        if (firstFailure != null) {
            throw new RecordsNotAcknowledgedException(String.format(
                    "%s: %d of %d records in a group were not acknowledged by stream %s (first error: %s: %s)",
                    progress.fileName(), failed.size(), pending.size(), stream.name(), firstFailure.errorCode(),
                    firstFailure.errorMessage()));
        }
    }

    /** The entries still to send: built from the group's rows on the first attempt, kept on the exchange after. */
    @SuppressWarnings("unchecked")
    private List<PutRecordsRequestEntry> pendingEntries(Exchange exchange, FileProgress progress) throws Exception {
        List<PutRecordsRequestEntry> pending = exchange.getProperty(PENDING, List.class);
        if (pending == null) {
            List<CSVRecord> rows = exchange.getMessage().getMandatoryBody(List.class);
            pending = new ArrayList<>(rows.size());
            for (CSVRecord row : rows) {
                pending.add(toEntry(row, progress.fileName()));
            }
            progress.rowsRead(rows.size());
            exchange.setProperty(PENDING, pending);
        }
        return pending;
    }

    private PutRecordsRequestEntry toEntry(CSVRecord row, String fileName) {
        if (!row.isMapped(partitionKeyColumn)) {
            throw new IllegalArgumentException(String.format(
                    "%s has no column %s, the partition key column (kinesis.partitionKeyColumn)", fileName,
                    partitionKeyColumn));
        }
        String partitionKey = row.get(partitionKeyColumn);
        if (partitionKey == null || partitionKey.isEmpty()) {
            throw new InvalidRowException(fileName, row, partitionKeyColumn + " is empty: it is the partition key");
        }
        return PutRecordsRequestEntry.builder()
                .partitionKey(partitionKey)
                .data(SdkBytes.fromByteArrayUnsafe(json.toJson(row, fileName)))
                .build();
    }
}
