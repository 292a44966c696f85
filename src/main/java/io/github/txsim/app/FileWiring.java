package io.github.txsim.app;

import io.github.txsim.files.ArchivedCopies;
import io.github.txsim.files.Checkpoints;
import io.github.txsim.files.DataFoldersHealthCheck;
import io.github.txsim.files.FileArchiver;
import io.github.txsim.files.FileTracker;
import io.github.txsim.files.GrowingFile;
import io.github.txsim.files.LastErrorRecorder;
import io.github.txsim.files.ProgressLog;
import io.github.txsim.files.ResumableFileStrategy;
import io.github.txsim.files.SettledFileReadLock;
import io.github.txsim.files.SourceFiles;
import io.github.txsim.files.SourceFolderLock;
import io.github.txsim.files.SourceFolderWatch;
import io.github.txsim.files.StuckFiles;
import io.github.txsim.rows.ColumnRules;
import io.github.txsim.rows.SourceFileReader;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.dataformat.csv.CsvRecordConverter;
import org.apache.camel.spi.Registry;
import org.apache.commons.csv.CSVRecord;

/**
 * The files area's beans, bound under the names routes/publish.yaml uses: which files of the source folder are taken
 * and when ({@code sourceFiles}, {@code settledFileReadLock}, {@code sourceFolderWatch}), how a file's text becomes
 * groups of rows ({@code sourceFileReader}, {@code csvRecordAsParsed}), and a file's lifecycle ({@code fileTracker},
 * {@code resumableFileStrategy}, {@code lastErrorRecorder}), with the data folders' readiness check.
 *
 * @param tracker      each file's progress, checkpoints, reports and summary
 * @param sourceFiles  the files of the source folder publishing takes
 * @param settledFiles when a file has settled; the generator announces the files it writes
 * @param sourceFolder the source folder's watch: gone or taken by another instance
 */
record FileWiring(FileTracker tracker, SourceFiles sourceFiles, StuckFiles stuck, SettledFileReadLock settledFiles,
        SourceFolderWatch sourceFolder) {

    static FileWiring bind(CamelContext context, DataFolders folders, SourceFolderLock lock, PublishSettings publish,
            PublishingWiring publishing, PublishMetrics metrics, boolean runOnce, LabelWiring labels) throws Exception {
        ProgressLog progress = new ProgressLog(publish.progressInterval(), publish.progressInterval().isZero() ? null
                : context.getExecutorServiceManager().newSingleThreadScheduledExecutor(FileWiring.class,
                        "publish-progress"));
        Checkpoints checkpoints = new Checkpoints(folders.checkpoints());
        ArchivedCopies copies = new ArchivedCopies(folders.checkpoints());
        String destination = publishing.sink().name();
        FileTracker tracker = new FileTracker(publishing.sink().destination(), destination, checkpoints, copies,
                publish.republishArchivedCopies(), folders.archive(), folders.failed(), progress, metrics,
                publishing.stop());
        context.addService(tracker, true, true);
        StuckFiles stuck = new StuckFiles();
        SourceFolderWatch sourceFolder = new SourceFolderWatch(lock, runOnce, () -> new Thread(context::stop,
                "source-folder-stop").start());
        // run-once ends with a file it cannot move; a service tries the move again at every poll
        SourceFiles sourceFiles = new SourceFiles(runOnce ? stuck::isStuck : file -> false);
        PublishSettings.ReadLock readLock = publish.readLock();
        SettledFileReadLock settledFiles = new SettledFileReadLock(readLock.minAge(), readLock.checkInterval(),
                readLock.timeout());

        Registry registry = context.getRegistry();
        registry.bind("sourceFiles", sourceFiles);
        registry.bind("settledFileReadLock", settledFiles);
        registry.bind("sourceFolderWatch", sourceFolder);
        registry.bind("fileTracker", tracker);
        registry.bind("resumableFileStrategy", new ResumableFileStrategy(publishing.stop(),
                new FileArchiver(tracker, checkpoints, copies, stuck, destination)));
        registry.bind("lastErrorRecorder", new LastErrorRecorder());
        registry.bind("sourceFileReader", new SourceFileReader(new ColumnRules(publishing.records().requiredColumns(),
                publish.dropUnnamedIndexColumn()), GrowingFile.forExchanges(readLock.minAge(),
                readLock.checkInterval(), publishing.stop()), publish.groupSize(), publish.groupBytes(), labels.cut()));
        // camel-csv converts each record; the rows are made from Commons CSV's records as they are
        registry.bind("csvRecordAsParsed", (CsvRecordConverter<CSVRecord>) record -> record);
        registry.bind("dataFoldersHealthCheck", new DataFoldersHealthCheck(stuck, sourceFolder));
        return new FileWiring(tracker, sourceFiles, stuck, settledFiles, sourceFolder);
    }
}
