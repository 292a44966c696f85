package io.github.txsim.verification;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.txsim.schema.TransactionColumn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.roaringbitmap.RoaringBitmap;

/**
 * One file's side of the reconciliation: its transaction ids (read with Commons CSV, by the TRANSACTION_ID column),
 * which of them the stream holds, and which more than once.
 */
final class FileCheck {

    private static final String ID_COLUMN = TransactionColumn.TRANSACTION_ID.name();

    private final Path file;
    private final IdIndex ids = new IdIndex();
    private final RoaringBitmap found = new RoaringBitmap();
    private final RoaringBitmap duplicated = new RoaringBitmap();
    private long extraCopies;
    private long rowsWithoutId;

    private FileCheck(Path file) {
        this.file = file;
    }

    /** Reads the file's ids; a row without a whole-number TRANSACTION_ID is counted, not checked. */
    static FileCheck read(Path file) throws IOException {
        FileCheck check = new FileCheck(file);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser rows = parser(reader, file)) {
            for (CSVRecord row : rows) {
                Long id = idOf(row);
                if (id == null) {
                    check.rowsWithoutId++;
                } else {
                    check.ids.add(id);
                }
            }
        }
        check.ids.seal();
        return check;
    }

    /** A parser of the file's rows by its header, which must have TRANSACTION_ID. */
    static CSVParser parser(Reader reader, Path file) throws IOException {
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).get().parse(reader); // pandas leaves its index column unnamed
        if (!parser.getHeaderMap().containsKey(ID_COLUMN)) {
            throw new IllegalArgumentException(file + " has no " + ID_COLUMN + " column");
        }
        return parser;
    }

    private static Long idOf(CSVRecord row) {
        if (!row.isSet(ID_COLUMN)) {
            return null;
        }
        try {
            return Long.parseLong(row.get(ID_COLUMN).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Counts a record of the stream if it is one of this file's; answers whether it was. */
    boolean arrived(long id) {
        int rank = ids.rankOf(id);
        if (rank < 0) {
            return false;
        }
        if (!found.checkedAdd(rank)) {
            duplicated.add(rank);
            extraCopies++;
        }
        return true;
    }

    /** The result, with the lines of the first {@code listed} missing rows (a second pass over the file). */
    FileResult result(int listed) throws IOException {
        long missing = ids.size() - found.getLongCardinality();
        List<Long> missingLines = new ArrayList<>();
        if (missing > 0) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser rows = parser(reader, file)) {
                long line = rows.getCurrentLineNumber() + 1;
                for (CSVRecord row : rows) {
                    Long id = idOf(row);
                    if (id != null && !found.contains(ids.rankOf(id))) {
                        missingLines.add(line);
                        if (missingLines.size() == listed) {
                            break;
                        }
                    }
                    line = rows.getCurrentLineNumber() + 1;
                }
            }
        }
        return new FileResult(file, ids.size(), found.getLongCardinality(), missing, missingLines,
                duplicated.getLongCardinality(), extraCopies, rowsWithoutId);
    }
}
