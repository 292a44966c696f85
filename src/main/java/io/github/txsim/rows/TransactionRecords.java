package io.github.txsim.rows;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where a row becomes a record, or a reject: its JSON ({@link TransactionJson}), its partition key (the value of the
 * partition-key column as the JSON holds it), and the destination's limits on one record ({@link RecordLimits}).
 */
public final class TransactionRecords {

    private final TransactionJson json;
    private final String partitionKeyColumn;
    private final Supplier<RecordLimits> limits;

    /**
     * @param partitionKeyColumn the column whose value is each record's partition key
     * @param limits             what one record may be at its destination
     */
    public TransactionRecords(String partitionKeyColumn, RecordLimits limits) {
        this(partitionKeyColumn, () -> limits);
    }

    /**
     * @param limits what one record may be at its destination now: a destination tells its own once it started (a
     *               Kinesis stream's maximum record size), after the routes were made
     */
    public TransactionRecords(String partitionKeyColumn, Supplier<RecordLimits> limits) {
        this(partitionKeyColumn, limits, Set.of());
    }

    /** @param leftOut columns each record leaves out (the label columns, in labels.mode=delayed) */
    public TransactionRecords(String partitionKeyColumn, Supplier<RecordLimits> limits, Set<String> leftOut) {
        this.partitionKeyColumn = partitionKeyColumn;
        this.limits = limits;
        this.json = new TransactionJson(leftOut);
    }

    /** The columns a file must have for its rows to become records, each with what it is for. */
    public Map<String, String> requiredColumns() {
        return Map.of(partitionKeyColumn, "the partition key column (publish.partitionKeyColumn)");
    }

    /**
     * @throws InvalidRowException naming the line and the reason, for a row that cannot be a record: one
     *                             {@link SourceRows} found wrong, a value that is not of its column's type, an empty or
     *                             too long partition key, a record over the destination's limit
     */
    public TransactionRecord of(SourceRow row, String fileName) {
        RecordLimits limits = this.limits.get();
        if (row.problem() != null) {
            throw new InvalidRowException(fileName, row, row.problem());
        }
        String value = row.get(partitionKeyColumn);
        String partitionKey = value.isBlank() ? "" : json.canonical(partitionKeyColumn, value, fileName, row);
        if (partitionKey.isEmpty() || partitionKey.length() > limits.maxKeyLength()) {
            throw new InvalidRowException(fileName, row, limits.maxKeyLength() == Integer.MAX_VALUE
                    ? partitionKeyColumn + " must not be empty: it is the record's key"
                    : String.format("%s must have 1 to %d characters: it is the partition key, was '%s'",
                            partitionKeyColumn, limits.maxKeyLength(), partitionKey));
        }
        TransactionRecord record = new TransactionRecord(row, partitionKey, json.toJson(row, fileName));
        if (record.size() > limits.maxBytes()) {
            throw new InvalidRowException(fileName, row, String.format(
                    "the record would be %,d bytes, over %s's limit of %,d", record.size(), limits.destination(),
                    limits.maxBytes()));
        }
        return record;
    }
}
