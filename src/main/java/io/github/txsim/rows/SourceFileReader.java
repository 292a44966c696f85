package io.github.txsim.rows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.util.Iterator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.util.ObjectHelper;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish route's three steps around camel-csv's parser: {@link #open} turns the file's bytes into its text
 * ({@link SourceText}), the parser reads it lazily, {@link #rows} turns the parser's records into the file's rows
 * ({@link SourceRows}, the header checked first) in groups ({@link RowGroups}), and {@link #finish}, after every row
 * was published or rejected, fails a file whose rows ended at a line that could not be read.
 */
public final class SourceFileReader {

    /**
     * The most characters one row may take: beyond, no record could hold it (a Kinesis stream's largest, once raised
     * with UpdateMaxRecordSize, is 10 MiB; a row's JSON takes at least a byte for each of its characters).
     */
    public static final long ROW_LIMIT = 10L * 1024 * 1024;
    /** The exchange property that holds the file's text, {@link SourceText}. */
    public static final String TEXT = "txsim.sourceText";
    private static final String ROWS = "txsim.sourceRows";

    private static final Logger LOG = LoggerFactory.getLogger(SourceFileReader.class);

    private final ColumnRules rules;
    private final Function<Exchange, SourceText.Growth> growth;
    private final int groupRows;
    private final long groupBytes;
    private final BiConsumer<Exchange, List<SourceRow>> cut;

    /**
     * @param rules      what every file's header must hold, and what may be left out of the records
     * @param growth     for a file's exchange, whether the file may still grow when its bytes run out
     * @param groupRows  the most rows in one group (publish.groupSize)
     * @param groupBytes the most bytes of row text in one group (publish.groupBytes)
     */
    public SourceFileReader(ColumnRules rules, Function<Exchange, SourceText.Growth> growth, int groupRows,
            long groupBytes) {
        this(rules, growth, groupRows, groupBytes, (exchange, group) -> { });
    }

    /**
     * @param cut told of each group of a file's rows (with the file's exchange) as it is cut, in file order, before
     *            the group is published: the label stream derives its labels there, where the rows still come in order
     */
    public SourceFileReader(ColumnRules rules, Function<Exchange, SourceText.Growth> growth, int groupRows,
            long groupBytes, BiConsumer<Exchange, List<SourceRow>> cut) {
        this.rules = rules;
        this.growth = growth;
        this.groupRows = groupRows;
        this.groupBytes = groupBytes;
        this.cut = cut;
    }

    /**
     * Before the parser: the body, the file's bytes, becomes its text.
     *
     * @throws UncheckedIOException when the file cannot be opened (its permissions changed since it was taken, say),
     *                              saying so in a person's words rather than Camel's
     */
    public void open(Exchange exchange) throws InvalidPayloadException {
        InputStream bytes;
        try {
            bytes = exchange.getMessage().getMandatoryBody(InputStream.class);
        } catch (InvalidPayloadException e) {
            IOException cause = ObjectHelper.getException(IOException.class, e);
            if (cause == null) {
                throw e;
            }
            String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
            String reason = cause instanceof AccessDeniedException || String.valueOf(cause.getMessage()).contains(
                    "Permission denied") ? "permission denied" : cause.getMessage();
            throw new UncheckedIOException("cannot read " + name + ": " + reason, cause);
        }
        SourceText text = new SourceText(bytes, ROW_LIMIT, growth.apply(exchange));
        exchange.setProperty(TEXT, text);
        exchange.getMessage().setBody(text);
    }

    /**
     * After the parser: the body, its records, becomes the file's rows, in groups of at most {@code groupRows} rows
     * and {@code groupBytes} bytes ({@link RowGroups}).
     */
    public void rows(Exchange exchange) throws InvalidPayloadException {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        @SuppressWarnings("unchecked")
        Iterator<CSVRecord> records = exchange.getMessage().getMandatoryBody(Iterator.class);
        SourceText text = exchange.getProperty(TEXT, SourceText.class);
        SourceRows rows = new SourceRows(records, text, fileName, rules, ROW_LIMIT);
        if (rows.header() != null && rows.header().indexDropped()) {
            LOG.info("{}: its first column has no name, as pandas writes its index: left out of the records "
                    + "(publish.dropUnnamedIndexColumn)", fileName);
        }
        exchange.setProperty(ROWS, rows);
        exchange.getMessage().setBody(new RowGroups(rows, groupRows, groupBytes, group -> cut.accept(exchange, group)));
    }

    /**
     * After every row was published or rejected: a file whose rows ended at a line that could not be read fails now.
     *
     * @throws UnreadableFileException naming that line
     */
    public void finish(Exchange exchange) {
        SourceRows rows = exchange.getProperty(ROWS, SourceRows.class);
        if (rows != null && rows.failure() != null) {
            throw rows.failure();
        }
    }
}
