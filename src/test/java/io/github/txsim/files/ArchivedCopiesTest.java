package io.github.txsim.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

import io.github.txsim.rows.FilePrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchivedCopiesTest {

    @TempDir
    Path folder;

    private static FilePrefix whole(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return new FilePrefix(0, bytes.length, crc.getValue());
    }

    @Test
    void theSameBytesForTheSameStreamAreACopyAndNothingElseIs() throws Exception {
        byte[] day = "TRANSACTION_ID,CUSTOMER_ID\n1,1\n".getBytes(StandardCharsets.UTF_8);
        ArchivedCopies copies = new ArchivedCopies(folder);
        copies.add("day.csv", whole(day), "transactions");

        Path same = Files.write(folder.resolve("again.csv"), day);
        Path other = Files.write(folder.resolve("other.csv"), "TRANSACTION_ID,CUSTOMER_ID\n2,2\n".getBytes());

        assertEquals("day.csv", copies.copyOf(same, "transactions").orElseThrow().archivedAs());
        assertTrue(copies.copyOf(same, "payments").isEmpty(), "another stream has not seen these bytes");
        assertTrue(copies.copyOf(other, "transactions").isEmpty(), "same length, other bytes");
    }

    @Test
    void anEntryCutShortByACrashIsPassedOverAndTheIndexStillServes() throws Exception {
        byte[] day = "TRANSACTION_ID,CUSTOMER_ID\n1,1\n".getBytes(StandardCharsets.UTF_8);
        ArchivedCopies copies = new ArchivedCopies(folder);
        copies.add("day.csv", whole(day), "transactions");
        Files.writeString(folder.resolve("archived-files.csv"), "next.csv,31,12", StandardOpenOption.APPEND);
        Path fresh = Files.write(folder.resolve("fresh.csv"), "TRANSACTION_ID,CUSTOMER_ID\n3,3\n".getBytes());
        Path same = Files.write(folder.resolve("again.csv"), day);

        assertTrue(copies.copyOf(fresh, "transactions").isEmpty());
        copies.add("fresh.csv", whole(Files.readAllBytes(fresh)), "transactions");
        assertEquals("day.csv", copies.copyOf(same, "transactions").orElseThrow().archivedAs());
    }
}
