package io.github.txsim.verification;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the destination holds of one file.
 *
 * @param file          the file
 * @param expected      its rows with a transaction id
 * @param found         how many of them the destination holds
 * @param missing       how many it does not
 * @param missingLines  the lines of the first missing rows
 * @param duplicated    rows the destination holds more than once
 * @param extraCopies   the copies beyond the first, over all rows
 * @param rowsWithoutId rows without a whole-number TRANSACTION_ID (rejected rows, named in the file's .rejects)
 */
public record FileResult(Path file, long expected, long found, long missing, List<Long> missingLines,
        long duplicated, long extraCopies, long rowsWithoutId) {

    public FileResult {
        missingLines = List.copyOf(missingLines);
    }

    /**
     * One line: {@code Verified F: 96,991 of 96,991 records in Kinesis stream 'transactions', 0 missing, 0 duplicated}.
     *
     * @param destination where the records were read, such as {@code Kinesis stream 'transactions'}
     */
    public String summary(String destination) {
        StringBuilder line = new StringBuilder(String.format("Verified %s: %,d of %,d records in %s, %,d missing",
                file.getFileName(), found, expected, destination, missing));
        if (!missingLines.isEmpty()) {
            line.append(missingLines.size() < missing ? " (first at lines " : " (lines ")
                    .append(missingLines.stream().map(String::valueOf).collect(Collectors.joining(", "))).append(')');
        }
        line.append(String.format(", %,d duplicated", duplicated));
        if (extraCopies > duplicated) {
            line.append(String.format(" (%,d extra copies)", extraCopies));
        }
        if (rowsWithoutId > 0) {
            line.append(String.format("; %,d rows without a transaction id not checked", rowsWithoutId));
        }
        return line.toString();
    }
}
