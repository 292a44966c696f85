package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code java -jar transaction-stream-simulator.jar verify FILE...} against kinesalite: a day the application
 * published verifies clean; a stream that lacks some rows of a file and holds others twice, and records of no file,
 * is reported exactly.
 */
class VerifyCommandIT {

    private static final Path JAR = Path.of("target", "transaction-stream-simulator.jar");

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private ApplicationProcess verify(String stream, Path... files) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: it is built by 'mvn package' (or 'mvn verify')");
        List<String> arguments = new ArrayList<>(List.of("verify", "--stream", stream));
        for (Path file : files) {
            arguments.add(file.toString());
        }
        ApplicationProcess process = new ApplicationProcess(data.resolve("verify-" + stream + ".log")).fromJar(JAR)
                .in(Files.createDirectories(data.resolve("working-" + stream))).setAll(KINESIS.componentProperties())
                .arguments(arguments.toArray(String[]::new));
        process.start();
        return process;
    }

    @Test
    void aDayThatThePublisherArchivedVerifiesClean() throws Exception {
        KINESIS.createStream("clean", 2);
        Path source = Files.createDirectories(data.resolve("source"));
        Path file = TransactionFiles.writeDay(source, LocalDate.of(2026, 11, 28));
        long rows = Files.readAllLines(file).size() - 1;
        try (ApplicationProcess publisher = ApplicationProcess.runOnce(KINESIS, "clean", data, "publisher").start()) {
            assertEquals(0, publisher.awaitExit(Duration.ofSeconds(60)), publisher.output());
        }
        Path archived = data.resolve("archive").resolve(Folders.fileNames(data.resolve("archive")).get(0));

        ApplicationProcess verify = verify("clean", archived);
        assertEquals(0, verify.awaitExit(Duration.ofSeconds(60)), verify.output());
        assertTrue(verify.output().contains(String.format("Verified %s: %,d of %,d records in Kinesis stream 'clean', 0 missing, "
                + "0 duplicated", archived.getFileName(), rows, rows)), verify.output());
        assertTrue(verify.output().contains(String.format("Read %,d records from Kinesis stream 'clean': 0 belong to none of "
                + "the files", rows)), verify.output());
    }

    @Test
    void missingDuplicatedAndForeignRecordsAreReportedExactly() throws Exception {
        KINESIS.createStream("partial", 2);
        Path folder = Files.createDirectories(data.resolve("files"));
        Path file = TransactionFiles.writeRows(folder, "transactions-2026-11-27.csv", LocalDate.of(2026, 11, 27), 600);
        List<String> lines = Files.readAllLines(file);
        // line n of the file is lines.get(n - 1); lines 7, 300 and 601 never arrive; 100 and 101 arrive twice
        Set<Integer> lost = Set.of(7, 300, 601);
        List<PutRecordsRequestEntry> records = new ArrayList<>();
        for (int line = 2; line <= lines.size(); line++) {
            if (!lost.contains(line)) {
                records.add(record(lines.get(line - 1)));
            }
        }
        records.add(record(lines.get(99)));
        records.add(record(lines.get(100)));
        records.add(entry("{\"TRANSACTION_ID\":1,\"NOTE\":\"of no file\"}"));
        records.add(entry("not json"));
        for (int from = 0; from < records.size(); from += 500) {
            List<PutRecordsRequestEntry> group = records.subList(from, Math.min(records.size(), from + 500));
            assertEquals(0, KINESIS.client().putRecords(b -> b.streamName("partial").records(group))
                    .failedRecordCount());
        }

        ApplicationProcess verify = verify("partial", file);
        assertEquals(1, verify.awaitExit(Duration.ofSeconds(60)), "exit status 1 when a row is missing: "
                + verify.output());
        assertTrue(verify.output().contains("Verified transactions-2026-11-27.csv: 597 of 600 records in Kinesis stream 'partial', "
                + "3 missing (lines 7, 300, 601), 2 duplicated"), verify.output());
        assertTrue(verify.output().contains("Read 601 records from Kinesis stream 'partial': 1 belong to none of the files, "
                + "1 have no transaction id"), verify.output());
    }

    private static PutRecordsRequestEntry record(String csvLine) {
        return entry("{\"TRANSACTION_ID\":" + csvLine.substring(0, csvLine.indexOf(',')) + "}");
    }

    private static PutRecordsRequestEntry entry(String json) {
        return PutRecordsRequestEntry.builder().partitionKey("k" + json.length()).data(SdkBytes.fromUtf8String(json))
                .build();
    }
}
