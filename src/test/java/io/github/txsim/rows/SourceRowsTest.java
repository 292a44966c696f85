package io.github.txsim.rows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.txsim.testing.Rows;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceRowsTest {

    private static final Map<String, String> KEY = Map.of("K", "the partition key column (publish.partitionKeyColumn)");

    /** Each row as "line:problem" (problem "ok" for a row to publish). */
    private static List<String> read(SourceRows rows) {
        List<String> read = new ArrayList<>();
        rows.forEachRemaining(row -> read.add(row.line() + ":" + (row.problem() == null ? "ok" : row.problem())));
        return read;
    }

    private static SourceRows rows(String csv) {
        return Rows.of(csv.getBytes(StandardCharsets.UTF_8), KEY);
    }

    private static UnreadableFileException refused(byte[] file) {
        return assertThrows(UnreadableFileException.class, () -> Rows.of(file, KEY));
    }

    @Test
    void eachRowKnowsTheLineItStartsOnWhateverItsLineBreaks() {
        SourceRows rows = rows("K,V\r\n1,\"two\nlines\"\r\n2,b\r3,c\n\n4,\"x\r\ny\"");

        assertEquals(List.of("2:ok", "4:ok", "5:ok", "6:blank line", "7:ok"), read(rows));
        assertNull(rows.failure());
    }

    @Test
    void aRowThatIsNotUtf8IsRejectedAndTheRestRead() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("K,V\n1,a\n2,caf".getBytes(StandardCharsets.UTF_8));
        file.write(0xE9);
        file.writeBytes("\n3,\"multi\nline".getBytes(StandardCharsets.UTF_8));
        file.write(0xFF);
        file.writeBytes("\"\n4,d\n".getBytes(StandardCharsets.UTF_8));

        SourceRows rows = Rows.of(file.toByteArray(), KEY);

        assertEquals(List.of("2:ok", "3:not valid UTF-8", "4:not valid UTF-8 (line 5)", "6:ok"), read(rows));
    }

    @Test
    void rowsWithAnotherNumberOfFieldsThanTheHeaderAreRejectedForThat() {
        assertEquals(List.of("2:ok", "3:3 fields where the header has 2", "4:1 field where the header has 2"),
                read(rows("K,V\n1,a\n2,b,c\n3")));
    }

    @Test
    void aQuoteThatNeverClosesEndsTheRowsAtItsLine() {
        SourceRows rows = rows("K,V\n1,a\n2,\"b\n3,c\n4,d\n");

        assertEquals(List.of("2:ok"), read(rows));
        assertEquals(3, rows.failure().fromLine());
        assertEquals("a quote opened on line 3 never closes", rows.failure().reason());
    }

    @Test
    void aQuoteThatNeverClosesOnTheLastLineEndsTheRowsThere() {
        SourceRows rows = rows("K,V\n1,a\n2,b\n3,\"c");

        assertEquals(List.of("2:ok", "3:ok"), read(rows));
        assertEquals(4, rows.failure().fromLine());
    }

    @Test
    void textAfterAClosingQuoteRejectsItsRowOnlyAndTheNextRowsKeepTheirLines() {
        SourceRows rows = rows("K,V\n1,\"a\"b,c\n2,\"x\"y\n3,d\n4,\"multi\nline\"z,w\n5,e\n");

        assertEquals(List.of("2:ok".replace("ok", "text after the closing quote of a quoted value on line 2 (a quote "
                + "inside a value is written twice)"), "3:text after the closing quote of a quoted value on line 3 (a "
                + "quote inside a value is written twice)", "4:ok", "5:text after the closing quote of a quoted value "
                + "on line 6 (a quote inside a value is written twice)", "7:ok"), read(rows));
        assertNull(rows.failure());
    }

    @Test
    void aRowLongerThanAnyRecordCanBeEndsTheRows() {
        String csv = "K,V\n1,a\n2," + "x".repeat(500) + "\n3,c\n";
        SourceText text = new SourceText(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 100);
        SourceRows rows = new SourceRows(parse(text), text, "day.csv", new ColumnRules(KEY, true), 100);

        assertEquals(List.of("2:ok"), read(rows));
        assertEquals(3, rows.failure().fromLine());
        assertTrue(rows.failure().reason().startsWith("the row starting on line 3 is longer than 100 characters"),
                rows.failure().reason());
    }

    private static java.util.Iterator<org.apache.commons.csv.CSVRecord> parse(SourceText text) {
        try {
            return CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(text).iterator();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anEmptyFileHasNoRows() {
        SourceRows rows = Rows.of(new byte[0], KEY);

        assertNull(rows.header());
        assertEquals(List.of(), read(rows));
        assertNull(rows.failure());
    }

    @Test
    void aHeaderThatNamesAColumnTwiceIsRefused() {
        assertEquals("the header (line 1) names K twice (columns 1 and 3)",
                refused("K,V,K\n1,2,3\n".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void aHeaderWithoutARequiredColumnIsRefusedWithWhatTheColumnIsFor() {
        assertEquals("day.csv has no column K, the partition key column (publish.partitionKeyColumn)",
                refused("A,B\n1,2\n".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void aColumnWithoutANameIsRefused() {
        assertEquals("column 2 of the header (line 1) has no name",
                refused("K,,V\n1,2,3\n".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void binaryContentIsRefusedAsNotACsvFile() {
        byte[] garbage = new byte[200_000];
        new SplittableRandom(7).nextBytes(garbage);

        UnreadableFileException e = refused(garbage);

        assertEquals(1, e.fromLine());
        assertTrue(e.reason().contains("is this a CSV file?"), e.reason());
    }

    @Test
    void controlCharactersInTheHeaderAreRefused() {
        assertEquals("the header (line 1) holds control characters: is this a CSV file?",
                refused("K,V\u0000\u0001\n1,2\n".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void aQuoteThatNeverClosesInTheHeaderIsRefused() {
        assertEquals("the header (line 1) cannot be read: a quote opened on line 1 never closes",
                refused("K,\"V\n1,2\n".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void pandasUnnamedIndexColumnIsLeftOutAndCountsInTheRowsWidth() {
        SourceRows rows = rows(",K,V\n0,1,a\n1,2\n");

        assertEquals(List.of("K", "V"), rows.header().names());
        assertTrue(rows.header().indexDropped());
        assertEquals(List.of("2:ok", "3:2 fields where the header has 3"), read(rows));
    }

    @Test
    void anUnnamedFirstColumnFailsTheFileWhenTheSettingKeepsIt() {
        UnreadableFileException e = assertThrows(UnreadableFileException.class, () -> Rows.of(
                ",K,V\n0,1,a\n".getBytes(StandardCharsets.UTF_8), new ColumnRules(KEY, false)));

        assertEquals("column 1 of the header (line 1) has no name (pandas' index? publish.dropUnnamedIndexColumn=true "
                + "leaves it out)", e.reason());
    }

    @Test
    void anotherUnnamedColumnFailsTheFileBesidesTheIndex() {
        assertEquals("column 3 of the header (line 1) has no name",
                refused(",K,,V\n0,1,2,3\n".getBytes(StandardCharsets.UTF_8)).reason());
    }
}
