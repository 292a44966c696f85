package io.github.txsim.rows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * A file's rows in the groups the publish route splits them into: at most {@code maxRows} rows (one PutRecords
 * request's worth) and at most {@code maxBytes} bytes of row text, a row larger than that making a group alone. The
 * bound in bytes is what keeps memory bounded whatever the rows: groups in flight hold their rows and records, and 500
 * rows of 900 KB would take 900 MB. Camel's {@code collate} counts only rows, hence this class. A row's bytes are
 * counted as its values' characters (the JSON and the partition key it becomes are of that order).
 */
public final class RowGroups implements Iterator<List<SourceRow>> {

    private final Iterator<SourceRow> rows;
    private final int maxRows;
    private final long maxBytes;
    private final Consumer<List<SourceRow>> cut;
    private SourceRow carried;

    public RowGroups(Iterator<SourceRow> rows, int maxRows, long maxBytes) {
        this(rows, maxRows, maxBytes, group -> { });
    }

    /** @param cut told of each group as it is cut, in file order, before the group is published */
    public RowGroups(Iterator<SourceRow> rows, int maxRows, long maxBytes, Consumer<List<SourceRow>> cut) {
        this.rows = rows;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
        this.cut = cut;
    }

    @Override
    public boolean hasNext() {
        return carried != null || rows.hasNext();
    }

    @Override
    public List<SourceRow> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<SourceRow> group = new ArrayList<>(Math.min(maxRows, 512));
        long bytes = 0;
        while (group.size() < maxRows && (carried != null || rows.hasNext())) {
            SourceRow row = carried != null ? carried : rows.next();
            carried = null;
            long size = sizeOf(row);
            if (!group.isEmpty() && bytes + size > maxBytes) {
                carried = row;
                break;
            }
            group.add(row);
            bytes += size;
        }
        cut.accept(group);
        return group;
    }

    static long sizeOf(SourceRow row) {
        if (row.record() == null) {
            return 0;
        }
        long size = 0;
        for (int i = 0; i < row.record().size(); i++) {
            size += row.record().get(i).length() + 1;
        }
        return size;
    }
}
