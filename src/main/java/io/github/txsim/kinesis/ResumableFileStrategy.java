package io.github.txsim.kinesis;

import java.io.File;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;

/**
 * What the publish route's file consumer does with a file once its exchange ends: Camel's own move strategy, built
 * from the endpoint's {@code move} (archive) and {@code moveFailed} options, except that a file cut short because
 * the application is stopping ({@link StopSignal}) stays where it is. Camel's strategy would move it to the failed
 * folder, and the next start would not resume it; there is no option for "leave it", hence this class.
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
        super.prepareOnStartup(operations, endpoint);
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
