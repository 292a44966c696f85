package io.github.txsim.verification;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.txsim.support.ProcessResources;

/**
 * The verifier's memory for a large file, measured in its own JVM by the benchmark: it reads the file's ids, then
 * takes every row of the file as a record arriving from the stream (the JSON a record holds, parsed as the verifier
 * parses records), and prints one line: {@code Verified N rows in S s, peak RSS M MiB, process CPU C s}. The stream's own reading is
 * left out: its cost is the network's, and it holds nothing.
 */
public final class VerificationMemoryProbe {

    private VerificationMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path file = Path.of(args[0]);
        FileCheck check = FileCheck.read(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String record = "{\"TRANSACTION_ID\":" + line.substring(0, line.indexOf(',')) + ",\"TX_FRAUD\":0}";
                Long id = Verifier.transactionId(record.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (id == null || !check.arrived(id)) {
                    throw new IllegalStateException("not found: " + line);
                }
            }
        }
        FileResult result = check.result(Verifier.LISTED_LINES);
        if (result.missing() != 0 || result.found() != result.expected()) {
            throw new IllegalStateException(result.summary("the file itself"));
        }
        System.out.printf("Verified %d rows in %.1f s, peak RSS %d MiB, process CPU %.1f s%n", result.found(),
                (System.nanoTime() - started) / 1e9, ProcessResources.peakRssMib(), ProcessResources.cpuSeconds());
    }
}
