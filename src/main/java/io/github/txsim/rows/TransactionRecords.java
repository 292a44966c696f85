package io.github.txsim.rows;

import java.util.Map;

/**
 * Where a row becomes a Kinesis record, or a reject: its JSON ({@link TransactionJson}), its partition key (the
 * value of the partition-key column as the JSON holds it), and Kinesis's limits on one record.
 */
public final class TransactionRecords {

    private final TransactionJson json = new TransactionJson();
    private final String partitionKeyColumn;

    /** @param partitionKeyColumn the column whose value is each record's partition key */
    public TransactionRecords(String partitionKeyColumn) {
        this.partitionKeyColumn = partitionKeyColumn;
    }

    /** The columns a file must have for its rows to become records, each with what it is for. */
    public Map<String, String> requiredColumns() {
        return Map.of(partitionKeyColumn, "the partition key column (kinesis.partitionKeyColumn)");
    }

    /**
     * @throws InvalidRowException naming the line and the reason, for a row that cannot be a record: one
     *                             {@link SourceRows} found wrong, a value that is not of its column's type, an empty or
     *                             too long partition key, a record over 1 MiB
     */
    public TransactionRecord of(SourceRow row, String fileName) {
        if (row.problem() != null) {
            throw new InvalidRowException(fileName, row, row.problem());
        }
        String value = row.get(partitionKeyColumn);
        String partitionKey = value.isBlank() ? "" : json.canonical(partitionKeyColumn, value, fileName, row);
        if (partitionKey.isEmpty() || partitionKey.length() > TransactionRecord.MAX_KEY_LENGTH) {
            throw new InvalidRowException(fileName, row, String.format("%s must have 1 to %d characters: it is the "
                    + "partition key, was '%s'", partitionKeyColumn, TransactionRecord.MAX_KEY_LENGTH, partitionKey));
        }
        TransactionRecord record = new TransactionRecord(row, partitionKey, json.toJson(row, fileName));
        if (record.size() > TransactionRecord.MAX_BYTES) {
            throw new InvalidRowException(fileName, row, String.format(
                    "the record would be %,d bytes, over Kinesis's limit of %,d", record.size(),
                    TransactionRecord.MAX_BYTES));
        }
        return record;
    }
}
