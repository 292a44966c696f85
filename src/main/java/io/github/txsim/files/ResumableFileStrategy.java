package io.github.txsim.files;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.txsim.publish.StopSignal;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.FileProcessStrategyFactory;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.component.file.strategy.GenericFileProcessStrategySupport;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;
import org.apache.camel.component.file.strategy.GenericFileRenamer;
import org.apache.camel.support.ExchangeHelper;

/**
 * What the publish route's file consumer does with a file: Camel's own move strategy, with the targets of the
 * endpoint's {@code move} (archive) and {@code moveFailed} options and its read lock, but three things Camel's
 * strategy does otherwise, for which it has no option, hence this class:
 * <ul>
 * <li>a file cut short because the application is stopping ({@link StopSignal}) stays where it is, to resume at the
 * next start (Camel's would move it to the failed folder);</li>
 * <li>a move never replaces a file already at the target (Camel's deletes it first: two processes on one folder lost
 * files that way);</li>
 * <li>what follows a move (checkpoint, rejects, summary) happens only once the move succeeded, and a move that fails
 * is logged once and tried again at the next poll without publishing anything again ({@link FileArchiver}).</li>
 * </ul>
 * A custom strategy replaces the file component's own, read lock included, so the read lock is the endpoint's
 * {@code exclusiveReadLockStrategy}, or the one Camel's factory makes from its {@code readLock*} options, as the
 * component would.
 */
public final class ResumableFileStrategy extends GenericFileRenameProcessStrategy<File> {

    private final StopSignal stop;
    private final FileArchiver archiver;

    public ResumableFileStrategy(StopSignal stop, FileArchiver archiver) {
        this.stop = stop;
        this.archiver = archiver;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint)
            throws Exception {
        if (endpoint.getMove() != null) {
            setCommitRenamer(new GenericFileExpressionRenamer<>(endpoint.getMove()));
        }
        if (endpoint.getMoveFailed() != null) {
            setFailureRenamer(new GenericFileExpressionRenamer<>(endpoint.getMoveFailed()));
        }
        setExclusiveReadLockStrategy(readLockOf(endpoint));
        super.prepareOnStartup(operations, endpoint);
    }

    /**
     * The read lock Camel's file component makes from the endpoint's options: its exclusiveReadLockStrategy, or one
     * made from its read-lock options; null for none.
     */
    static GenericFileExclusiveReadLockStrategy<File> readLockOf(GenericFileEndpoint<File> endpoint) {
        if (endpoint.getExclusiveReadLockStrategy() != null) {
            return endpoint.getExclusiveReadLockStrategy();
        }
        if (endpoint.getReadLock() == null) {
            return null;
        }
        Map<String, Object> options = new HashMap<>();
        options.put("readLock", endpoint.getReadLock());
        options.put("readLockCheckInterval", endpoint.getReadLockCheckInterval());
        options.put("readLockTimeout", endpoint.getReadLockTimeout());
        options.put("readLockMinAge", endpoint.getReadLockMinAge());
        options.put("readLockMinLength", endpoint.getReadLockMinLength());
        options.put("readLockMarkerFile", endpoint.isReadLockMarkerFile());
        options.put("readLockDeleteOrphanLockFiles", endpoint.isReadLockDeleteOrphanLockFiles());
        options.put("readLockLoggingLevel", endpoint.getReadLockLoggingLevel());
        GenericFileProcessStrategySupport<File> camels = (GenericFileProcessStrategySupport<File>)
                new FileProcessStrategyFactory().createGenericFileProcessStrategy(endpoint.getCamelContext(), options);
        return camels.getExclusiveReadLockStrategy();
    }

    /** The file's exchange succeeded: the archiver moves it to the endpoint's {@code move} name. */
    @Override
    public void commit(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint,
            Exchange exchange, GenericFile<File> file) throws Exception {
        try {
            operations.releaseRetrievedFileResources(exchange);
            if (getCommitRenamer() != null) {
                archiver.archive(exchange, Path.of(file.getAbsoluteFilePath()),
                        target(getCommitRenamer(), operations, endpoint, exchange, file));
            }
        } finally {
            if (getExclusiveReadLockStrategy() != null) {
                getExclusiveReadLockStrategy().releaseExclusiveReadLockOnCommit(operations, file, exchange);
            }
        }
    }

    /**
     * The file's exchange failed: the archiver moves it to the endpoint's {@code moveFailed} name; cut short by a
     * stop, it stays.
     */
    @Override
    public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint,
            Exchange exchange, GenericFile<File> file) throws Exception {
        try {
            operations.releaseRetrievedFileResources(exchange);
            if (!stop.isRaised() && getFailureRenamer() != null) {
                archiver.moveToFailed(exchange, Path.of(file.getAbsoluteFilePath()),
                        target(getFailureRenamer(), operations, endpoint, exchange, file));
            }
        } finally {
            if (getExclusiveReadLockStrategy() != null) {
                getExclusiveReadLockStrategy().releaseExclusiveReadLockOnRollback(operations, file, exchange);
            }
        }
    }

    /** Where the renamer's expression sends the file, evaluated on a copy of the exchange as Camel's strategy does. */
    private static Path target(GenericFileRenamer<File> renamer, GenericFileOperations<File> operations,
            GenericFileEndpoint<File> endpoint, Exchange exchange, GenericFile<File> file) throws Exception {
        Exchange copy = ExchangeHelper.createCopy(exchange, true);
        file.bindToExchange(copy, endpoint instanceof FileEndpoint fileEndpoint && fileEndpoint.isProbeContentType());
        return Path.of(renamer.renameFile(operations, copy, file).getAbsoluteFilePath());
    }
}
