package io.github.txsim.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.github.txsim.testing.LineAccounting;
import io.github.txsim.testing.TestApplication;
import io.github.txsim.testing.TransactionFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of broken files, as other programs write them, each published through kinesalite and read back: every
 * line is acknowledged once or named with its line and reason ({@link LineAccounting}), and each file ends where it
 * should. A retry would wait a minute here: a broken file is never retried, so it fails at once.
 */
class BrokenFilesIT extends ApplicationIT {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private int recordsBefore;

    @Override
    TestApplication settings(TestApplication application) {
        return application.set("generator.enabled", "false").set("publish.retry.initialDelay", "1m")
                .set("publish.retry.maximumDelay", "1m");
    }

    /** A valid file's lines: the header and the first {@code rows} rows of a simulated day. */
    private static List<String> day(int rows) throws Exception {
        return TransactionFiles.lines(LocalDate.of(2026, 11, 2), rows);
    }

    private static byte[] utf8(List<String> lines, String end) {
        return (String.join("\n", lines) + end).getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes the file, waits until it is archived or failed, and checks that every line is accounted for. */
    private LineAccounting.Outcome publish(String name, byte[] file) throws Exception {
        recordsBefore = received().size();
        TransactionFiles.write(data.resolve("source"), name, file);
        LineAccounting.awaitDone(data, name, WITHIN);
        List<String> all = received();
        return LineAccounting.assertAccounted(name, file, all.subList(recordsBefore, all.size()), data);
    }

    private String report(String name) throws Exception {
        return Files.readString(data.resolve("failed").resolve(name + ".report"));
    }

    @Test
    void aLineThatIsNotUtf8IsRejectedAndTheRestOfTheFilePublished() throws Exception {
        List<String> lines = day(1_000);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(utf8(lines.subList(0, 501), "\n"));
        byte[] latin1 = (lines.get(501) + "\n").getBytes(StandardCharsets.UTF_8);
        latin1[latin1.length - 8] = (byte) 0xE9;
        file.writeBytes(latin1);
        file.writeBytes(utf8(lines.subList(502, lines.size()), "\n"));

        LineAccounting.Outcome outcome = publish("latin1.csv", file.toByteArray());

        assertTrue(outcome.archived());
        assertEquals(Map.of(502L, "not valid UTF-8"), outcome.rejects());
        assertEquals(999, outcome.published());
    }

    @Test
    void aQuoteThatNeverClosesFailsTheFileAfterItsRowsBeforeAndTheFixedFileResumesThere() throws Exception {
        List<String> lines = day(1_000);
        List<String> broken = new ArrayList<>(lines);
        broken.set(701, broken.get(701).replaceFirst(",", ",\""));

        LineAccounting.Outcome failed = publish("quote.csv", utf8(broken, "\n"));

        assertFalse(failed.archived());
        assertEquals(702, failed.notPublishedFrom());
        assertEquals(700, failed.published(), "lines 2 to 701, two groups and a part of one");
        assertTrue(report("quote.csv").startsWith("# Publishing quote.csv failed: a quote opened on line 702 never "
                + "closes\r\n"), report("quote.csv"));

        Path fixed = data.resolve("failed").resolve("quote.csv");
        Files.write(fixed, utf8(lines, "\n"));
        TransactionFiles.handOver(fixed, data.resolve("source").resolve("quote.csv"));
        Files.delete(data.resolve("failed").resolve("quote.csv.report"));
        LineAccounting.awaitDone(data, "quote.csv", WITHIN);

        LineAccounting.Outcome resumed = LineAccounting.assertAccounted("quote.csv", utf8(lines, "\n"),
                received(), data);
        assertTrue(resumed.archived());
        assertEquals(1_000, resumed.published(), "every row once: the fixed file resumed after line 701");
    }

    @Test
    void aQuoteThatNeverClosesOnTheLastLineFailsTheFileAfterEveryOtherRow() throws Exception {
        List<String> lines = day(600);
        lines.set(600, lines.get(600).replaceFirst(",", ",\""));

        LineAccounting.Outcome outcome = publish("last-quote.csv", utf8(lines, ""));

        assertEquals(601, outcome.notPublishedFrom());
        assertEquals(599, outcome.published());
    }

    @Test
    void binaryContentFailsAtOnceWithAReasonAPersonUnderstands() throws Exception {
        byte[] garbage = new byte[200_000];
        new SplittableRandom(11).nextBytes(garbage);

        LineAccounting.Outcome outcome = publish("garbage.csv", garbage);

        assertEquals(1, outcome.notPublishedFrom());
        assertTrue(report("garbage.csv").contains("is this a CSV file?"), report("garbage.csv"));
    }

    @Test
    void aTruncatedLastRowIsRejectedForItsFieldCount() throws Exception {
        List<String> lines = day(300);
        String last = lines.get(300);
        lines.set(300, last.substring(0, last.indexOf(',', last.indexOf(',') + 1) + 3));

        LineAccounting.Outcome outcome = publish("truncated.csv", utf8(lines, ""));

        assertTrue(outcome.archived());
        assertEquals(Map.of(301L, "3 fields where the header has 9"), outcome.rejects());
    }

    @Test
    void aHeaderThatNamesAColumnTwiceFailsTheFileAtOnce() throws Exception {
        List<String> lines = day(10);
        lines.set(0, lines.get(0).replace("TX_TIME_DAYS", "TX_AMOUNT"));

        LineAccounting.Outcome outcome = publish("twice.csv", utf8(lines, "\n"));

        assertEquals(1, outcome.notPublishedFrom());
        assertTrue(report("twice.csv").contains("names TX_AMOUNT twice (columns 5 and 7)"), report("twice.csv"));
    }

    @Test
    void aFileWithoutAFinalLineBreakAndWithBlankLinesIsAccountedForLineByLine() throws Exception {
        List<String> lines = day(200);
        lines.add(100, "");
        lines.add(150, "");

        LineAccounting.Outcome outcome = publish("blank.csv", utf8(lines, ""));

        assertTrue(outcome.archived());
        assertEquals(Map.of(101L, "blank line", 151L, "blank line"), outcome.rejects());
        assertEquals(200, outcome.published());
    }

    @Test
    void textAfterAClosingQuoteRejectsThatRowOnly() throws Exception {
        List<String> lines = day(100);
        lines.set(50, lines.get(50).replaceFirst(",", ",\"x\"y"));

        LineAccounting.Outcome outcome = publish("stray.csv", utf8(lines, "\n"));

        assertTrue(outcome.archived());
        assertEquals(List.of(51L), List.copyOf(outcome.rejects().keySet()));
        assertEquals(99, outcome.published());
    }

    @Test
    void aRecordOverOneMebibyteIsRejectedAndAGroupOverFiveMebibytesIsSentWhole() throws Exception {
        List<String> lines = day(600);
        String note = "n".repeat(12_000);
        for (int i = 0; i < lines.size(); i++) {
            lines.set(i, lines.get(i) + "," + (i == 0 ? "NOTE" : i == 300 ? "x".repeat(1_100_000) : note));
        }

        LineAccounting.Outcome outcome = publish("large.csv", utf8(lines, "\n"));

        assertTrue(outcome.archived());
        assertEquals(List.of(301L), List.copyOf(outcome.rejects().keySet()));
        assertTrue(outcome.rejects().get(301L).startsWith("the record would be 1,100,"), outcome.rejects().toString());
        assertEquals(599, outcome.published());
    }
}
