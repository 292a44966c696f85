package io.github.txsim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.github.txsim.files.AtomicFiles;
import io.github.txsim.labels.ReportDelay;
import io.github.txsim.labels.RowLabels;
import io.github.txsim.simulator.DayReporter;
import io.github.txsim.simulator.Transaction;

/**
 * The report of each generated day, {@code transactions-DATE.html} in the reports folder for
 * {@code transactions-DATE.csv}, made from the rows as they are written (no second reading of the file).
 */
public final class DayReports implements DayReporter {

    private final Path folder;
    private final ReportPage page;
    private final String madeBy;
    private final Optional<ReportDelay> labelDelay;

    /**
     * @param madeBy     what makes the reports, for the line under each title
     * @param labelDelay when the label stream learns of frauds (labels.mode delayed or both); empty for none
     */
    public DayReports(Path folder, ReportPage page, String madeBy, Optional<ReportDelay> labelDelay) {
        this.folder = folder;
        this.page = page;
        this.madeBy = madeBy;
        this.labelDelay = labelDelay;
    }

    /** The report's name for a transaction file's: its name with .html for .csv. */
    public static String reportName(String fileName) {
        String base = fileName.toLowerCase(Locale.ROOT).endsWith(".csv")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
        return base + ".html";
    }

    @Override
    public DayReport start(LocalDate date, String fileName) {
        ReportData data = labelDelay.map(delay -> new ReportData(new RowLabels(delay))).orElseGet(ReportData::new);
        data.addFile(fileName);
        DayFigures day = data.day(date);
        long dayStart = date.toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
        return new DayReport() {
            @Override
            public void add(List<Transaction> rows) {
                for (Transaction t : rows) {
                    int secondOfDay = (int) (t.timeSeconds() % Transaction.SECONDS_PER_DAY);
                    day.add(secondOfDay, t.customerId(), t.terminalId(), t.amountCents(), t.fraudScenario());
                    if (t.isFraud()) {
                        data.fraudKnown(day, t.customerId(), t.transactionId(), dayStart + secondOfDay);
                    }
                }
            }

            @Override
            public Path write() throws IOException {
                Files.createDirectories(folder);
                Path report = folder.resolve(reportName(fileName));
                String html = page.html(data, madeBy);
                AtomicFiles.write(report, writer -> writer.write(html));
                return report;
            }
        };
    }
}
