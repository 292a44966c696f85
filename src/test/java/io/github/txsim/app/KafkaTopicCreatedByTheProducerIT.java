package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.LocalKafka;
import io.github.txsim.testing.TopicChanges;
import io.github.txsim.testing.TransactionFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A topic deleted mid-file on a broker that creates topics its clients ask for ({@code auto.create.topics.enable=true},
 * Apache Kafka's default): Kafka's producer creates it again at once, under a new topic id. The application says so,
 * and sends again what the old topic acknowledged since its last look: every row is in the old topic or the new one.
 */
class KafkaTopicCreatedByTheProducerIT {

    private static final int GROUP_SIZE = 100;
    private static final int IN_FLIGHT = 4;

    @RegisterExtension
    static final LocalKafka KAFKA = new LocalKafka(true);

    @TempDir
    Path data;

    @Test
    void aTopicDeletedMidFileAndCreatedAgainByTheProducerIsSaidAndEveryRowIsInTheOldTopicOrTheNew() throws Exception {
        KAFKA.createTopic("auto-created", 2);
        Path file = TransactionFiles.writeDay(Files.createDirectories(data.resolve("source")), LocalDate.of(2026, 12,
                5));
        List<CSVRecord> rows = PublishPipelineIT.readCsv(file);

        Map<Long, Integer> old;
        try (ApplicationProcess run = new ApplicationProcess(data.resolve("run.log"))
                .setAll(KAFKA.applicationProperties("auto-created"))
                .set("generator.enabled", "false")
                .set("publish.groupSize", Integer.toString(GROUP_SIZE))
                .set("publish.maxInFlight", Integer.toString(IN_FLIGHT))
                .set("publish.pacing", "rate:500")
                .set("publish.pollDelay", "100ms")
                .set("kafka.apiTimeout", "3s")
                .dataFolders(data).start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> KAFKA.readAll("auto-created").size() >= 500);
            old = LocalKafka.arrivals(KAFKA.deleteUnder(run, "auto-created"));
            assertEquals(0, run.awaitExit(Duration.ofSeconds(120)), run.output());
            assertTrue(run.output().contains("Kafka topic 'auto-created' at " + KAFKA.bootstrapServers() + " was "
                    + "deleted"), run.output());
            assertTrue(KAFKA.hasTopic("auto-created"), "the producer created it again");
        }
        TopicChanges.assertEveryRowInOneOrTheOther(rows, old, KAFKA.arrivals("auto-created"),
                IN_FLIGHT * GROUP_SIZE);
    }
}
