package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.txsim.files.ArchivedCopies;
import io.github.txsim.files.Checkpoints;
import io.github.txsim.files.SourceFiles;
import io.github.txsim.files.StuckFiles;
import io.github.txsim.files.FileTracker;
import io.github.txsim.files.ProgressLog;
import io.github.txsim.publish.StopSignal;
import io.github.txsim.support.PublishMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunOnceTest {

    @TempDir
    Path source;

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private RunOnce runOnce(boolean enabled, boolean awaitGeneration) {
        return new RunOnce(enabled, awaitGeneration, source, new SourceFiles(file -> false), context,
                new FileTracker("Kinesis stream 'transactions'", "transactions", new Checkpoints(source), new ArchivedCopies(source), false, source,
                        source, new ProgressLog(Duration.ZERO, null), PublishMetrics.none(), new StopSignal()),
                new StuckFiles(), null, LabelWiring.none());
    }

    /** The route's idle poll: its exchange calls the run-once mode, then is done. */
    private void idlePoll(RunOnce runOnce) {
        Exchange exchange = new DefaultExchange(context);
        runOnce.sourceFolderIdle(exchange);
        List<Synchronization> completions = exchange.getExchangeExtension().handoverCompletions();
        if (completions != null) {
            completions.forEach(completion -> completion.onComplete(exchange));
        }
    }

    @Test
    void stopsOnceTodaysFileWasGeneratedAndNothingIsLeftToPublish() {
        RunOnce runOnce = runOnce(true, true);

        idlePoll(runOnce);
        assertTrue(context.isStarted(), "an idle folder before generation does not end the run");

        runOnce.generationDone();
        idlePoll(runOnce);
        await().atMost(Duration.ofSeconds(10)).until(context::isStopped);
    }

    @Test
    void aFileThatAppearedAfterThePollKeepsTheRunGoing() throws Exception {
        RunOnce runOnce = runOnce(true, true);
        Files.writeString(source.resolve("transactions-2026-11-28.csv"), "TRANSACTION_ID\n");
        Files.writeString(source.resolve(".hidden.csv.part"), "");

        runOnce.generationDone();
        idlePoll(runOnce);

        assertTrue(context.isStarted());
    }

    @Test
    void withTheGeneratorOffTheRunEndsWhenTheFolderIsDrained() {
        idlePoll(runOnce(true, false));
        await().atMost(Duration.ofSeconds(10)).until(context::isStopped);
    }

    @Test
    void aServiceRunNeverStopsByItself() {
        RunOnce runOnce = runOnce(false, true);
        runOnce.generationDone();
        idlePoll(runOnce);
        assertTrue(context.isStarted());
    }
}
