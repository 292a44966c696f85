package io.github.txsim.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.txsim.publish.RecordSource;
import io.github.txsim.schema.TransactionColumn;

/**
 * Reads a destination back and reconciles it with files: for each file, how many of its rows it holds, which are
 * missing (their lines) and which arrived more than once; and how many records of the destination belong to none of the
 * files. Memory holds the files' ids (about 4 bytes a row) and a bitmap per file, never the records.
 */
public final class Verifier {

    /** How many missing lines a file's result lists. */
    public static final int LISTED_LINES = 5;
    private static final String ID_FIELD = TransactionColumn.TRANSACTION_ID.name();
    private static final JsonFactory JSON = new JsonFactory();

    private Verifier() {
    }

    /**
     * What the destination holds of the files.
     *
     * @param destination where the records were read, such as {@code Kinesis stream 'transactions'}
     * @param files      each file's result, in the order given
     * @param records    records read from the destination
     * @param strangers  records whose transaction id is in none of the files
     * @param unreadable records with no transaction id to read (not a JSON object with a TRANSACTION_ID number)
     */
    public record Report(String destination, List<FileResult> files, long records, long strangers,
            long unreadable) {

        public Report {
            files = List.copyOf(files);
        }

        public boolean anyMissing() {
            return files.stream().anyMatch(file -> file.missing() > 0);
        }

        /** One line about the records that belong to none of the files. */
        public String othersLine() {
            return String.format("Read %,d records from %s: %,d belong to none of the files%s", records,
                    destination, strangers, unreadable == 0 ? "" : String.format(", %,d have no transaction id", unreadable));
        }
    }

    /** Reconciles the destination (from {@code since}, or its oldest record when null) with the files. */
    public static Report verify(List<Path> files, RecordSource stream, Instant since)
            throws IOException, InterruptedException {
        List<FileCheck> checks = new ArrayList<>();
        for (Path file : files) {
            checks.add(FileCheck.read(file));
        }
        long[] counts = new long[3];
        stream.read(since, data -> {
            Long id = transactionId(data);
            synchronized (counts) {
                counts[0]++;
                if (id == null) {
                    counts[2]++;
                } else if (checks.stream().noneMatch(check -> check.arrived(id))) {
                    counts[1]++;
                }
            }
        });
        List<FileResult> results = new ArrayList<>();
        for (FileCheck check : checks) {
            results.add(check.result(LISTED_LINES));
        }
        return new Report(stream.destination(), results, counts[0], counts[1], counts[2]);
    }

    /** The record's TRANSACTION_ID, read with a streaming parser (the other fields are skipped), or null. */
    public static Long transactionId(byte[] data) {
        try (JsonParser parser = JSON.createParser(data)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(ID_FIELD)) {
                    return value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
