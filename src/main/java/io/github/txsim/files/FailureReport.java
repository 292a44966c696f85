package io.github.txsim.files;

import java.nio.file.Path;

import io.github.txsim.publish.FilePublishing;
import io.github.txsim.rows.UnreadableFileException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report beside a failed file, which accounts for the lines its rejects file does not: comment lines saying why
 * the file failed and which lines are done, then one CSV row ({@code line,reason,row}) per row not delivered, and
 * for a file that could not be read on, one for the line where reading stopped. Every line from the first one not
 * done to the end of the file was not published (or not all of it: groups that finished after the failing one are
 * sent again on resume).
 */
final class FailureReport {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#').get();

    private final FileProgress progress;
    private final String destination;
    private final String rejectsName;
    private final Exception cause;
    private final String note;

    /**
     * @param destination where the records went, such as {@code Kafka topic 'transactions'}
     * @param rejectsName the rejects file beside the failed file, or null when no row was rejected
     * @param note        what else the reason should say (starting with "; "), or ""
     */
    FailureReport(FileProgress progress, String destination, String rejectsName, String note) {
        this.progress = progress;
        this.destination = destination;
        this.rejectsName = rejectsName;
        this.cause = progress.lastError();
        this.note = note;
    }

    /** Why the file failed, in one line. */
    String reason() {
        if (cause instanceof UnreadableFileException unreadable) {
            return unreadable.reason() + note;
        }
        return (cause == null ? "unknown cause" : cause.getClass().getSimpleName() + ": " + cause.getMessage()) + note;
    }

    void writeTo(Path report) {
        Checkpoints.Checkpoint done = progress.done();
        long firstNotDone = done.end().lines() + 1;
        AtomicFiles.write(report, writer -> {
            CSVPrinter printer = new CSVPrinter(writer, FORMAT);
            printer.printComment("Publishing " + progress.fileName() + " failed: " + reason());
            printer.printComment(String.format("Done: the lines before line %,d: %,d rows, %,d records acknowledged "
                    + "by %s, %,d rejected%s.", firstNotDone, done.rowsDone(), done.acknowledged(), destination,
                    done.rejected(), rejectsName == null ? "" : " (listed in " + rejectsName + ")"));
            printer.printComment(String.format("Not published: line %,d and every line after it; the rows below "
                    + "were sent and not acknowledged, or could not be read.", firstNotDone));
            printer.printComment("Moved back into the source folder, unchanged or fixed from line " + firstNotDone
                    + " on, the file resumes there.");
            printer.printRecord("line", "reason", "row");
            for (FilePublishing.Undelivered row : progress.publishing().undelivered()) {
                printer.printRecord(row.row().line(), row.lastError() == null ? "not sent" : row.lastError(),
                        row.row().asCsv());
            }
            if (cause instanceof UnreadableFileException unreadable) {
                printer.printRecord(unreadable.fromLine(), unreadable.reason()
                        + "; not published, nor any line after it", "");
            }
            printer.flush();
        });
    }
}
