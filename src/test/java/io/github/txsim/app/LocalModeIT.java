package io.github.txsim.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.txsim.files.FileTracker;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.TestApplication;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Quick start's run: local mode (the application starts kinesalite itself and creates the stream) and run-once
 * (generate today's file, publish it, archive it, stop).
 */
@CamelMainTest(configurationClasses = TransactionStreamConfiguration.class,
        propertyPlaceholderLocations = "file:application.properties")
class LocalModeIT {

    @TempDir
    Path data;

    @BeanInject
    CamelContext context;

    @Configure
    void configure(MainConfigurationProperties main) {
        TestApplication.localMode(data).set("app.runOnce", "true").applyTo(main);
    }

    @Test
    void aRunOnceGeneratesTodaysFilePublishesItArchivesItAndStops() throws Exception {
        FileTracker files = context.getRegistry().lookupByNameAndType("fileTracker", FileTracker.class);
        await().atMost(Duration.ofSeconds(60)).until(context::isStopped);

        List<String> archived = Folders.fileNames(data.resolve("archive"));
        assertEquals(1, archived.size(), "archived files: " + archived);
        assertEquals(List.of(), Folders.fileNames(data.resolve("source")), "source folder");
        long rows = PublishPipelineIT.readCsv(data.resolve("archive").resolve(archived.get(0))).size();
        assertEquals(new FileTracker.Totals(1, 0, 0, rows, 0), files.totals(),
                "files published, failed, records acknowledged, rows rejected");
    }
}
