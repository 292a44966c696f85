package io.github.txsim.files;

import java.io.File;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.FileProcessStrategyFactory;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.component.file.strategy.GenericFileProcessStrategySupport;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;

/**
 * What the publish route's file consumer does with a file: Camel's own move strategy, built from the endpoint's
 * {@code move} (archive) and {@code moveFailed} options, with the endpoint's read lock, except that a file cut short
 * because the application is stopping ({@link StopSignal}) stays where it is. Camel's strategy would move it to the
 * failed folder, and the next start would not resume it; there is no option for "leave it", hence this class. A
 * custom strategy replaces the file component's own, read lock included, so the read lock is the endpoint's
 * {@code exclusiveReadLockStrategy}, or the one Camel's factory makes from its {@code readLock*} options, as the
 * component would.
 */
public final class ResumableFileStrategy extends GenericFileRenameProcessStrategy<File> {

    private final StopSignal stop;

    public ResumableFileStrategy(StopSignal stop) {
        this.stop = stop;
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

    @Override
    public void rollback(GenericFileOperations<File> operations, GenericFileEndpoint<File> endpoint,
            Exchange exchange, GenericFile<File> file) throws Exception {
        if (stop.isRaised()) {
            operations.releaseRetrievedFileResources(exchange);
            if (getExclusiveReadLockStrategy() != null) {
                getExclusiveReadLockStrategy().releaseExclusiveReadLockOnRollback(operations, file, exchange);
            }
            return;
        }
        super.rollback(operations, endpoint, exchange, file);
    }
}
