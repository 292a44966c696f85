package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.txsim.testing.ApplicationProcess;
import io.github.txsim.testing.Delivery;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.KinesisFaultProxy;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two producers, partitions 0/2 and 1/2 of one day, each its own process, publish into one stream of four shards at
 * the same time, through the test proxy that limits each shard as Kinesis does (1,000 records/s, 1 MiB/s) and takes
 * the records itself. Each producer's rate limiter takes half of every shard's budget (the default for a partition),
 * so together they fill the shards without overdriving them: nothing lost or duplicated, under 1% throttled, and at
 * least 90% of the shards' capacity while both run.
 */
class SharedStreamIT {

    private static final int SHARDS = 4;

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    private static ApplicationProcess producer(KinesisFaultProxy proxy, Path folder, int partition)
            throws Exception {
        Files.createDirectories(folder);
        return ApplicationProcess.runOnce(KINESIS, "shared", folder, "producer-" + partition)
                .set("camel.component.aws2-kinesis.uriEndpointOverride", proxy.endpoint())
                .set("generator.enabled", "true")
                .set("simulator.customers", "30000")
                .set("simulator.terminals", "60000")
                .set("simulator.partition", partition + "/2")
                .set("kinesis.rateLimit.enabled", "true")
                .jvmOption("-Xmx256m");
    }

    @Test
    void twoPartitionsShareTheShardsWithoutOverdrivingThem() throws Exception {
        KINESIS.createStream("shared", SHARDS);
        List<List<CSVRecord>> days = new ArrayList<>();
        List<KinesisFaultProxy.Arrival> arrivals;
        long throttled;
        try (KinesisFaultProxy proxy = new KinesisFaultProxy(KINESIS.endpoint(), KINESIS.client())
                .limitShards(1_000, 1024 * 1024).sink();
                ApplicationProcess first = producer(proxy, data.resolve("p0"), 0).start();
                ApplicationProcess second = producer(proxy, data.resolve("p1"), 1).start()) {
            assertEquals(0, first.awaitExit(Duration.ofMinutes(2)), first.output());
            assertEquals(0, second.awaitExit(Duration.ofMinutes(2)), second.output());
            assertTrue(first.output().contains("(0.500 of its limits, as partition 0/2"), first.output());
            arrivals = proxy.arrivals();
            throttled = proxy.throttledRecords();
            for (String partition : List.of("p0", "p1")) {
                Path archive = data.resolve(partition).resolve("archive");
                days.add(PublishPipelineIT.readCsv(archive.resolve(Folders.fileNames(archive).get(0))));
            }
        }

        List<CSVRecord> rows = new ArrayList<>(days.get(0));
        rows.addAll(days.get(1));
        Map<Long, Integer> counts = new HashMap<>();
        arrivals.forEach(arrival -> counts.merge(arrival.transactionId(), 1, Integer::sum));
        assertEquals(0, Delivery.lost(rows, counts), "lost");
        assertEquals(0, Delivery.duplicated(counts), "duplicated");
        assertTrue(throttled < rows.size() / 100, "throttled records: " + throttled + " of " + rows.size());

        // the shards' use while both producers were publishing
        Set<Long> firstIds = new HashSet<>();
        days.get(0).forEach(row -> firstIds.add(Long.parseLong(row.get("TRANSACTION_ID"))));
        List<Instant> firstTimes = new ArrayList<>();
        List<Instant> secondTimes = new ArrayList<>();
        arrivals.forEach(arrival -> (firstIds.contains(arrival.transactionId()) ? firstTimes : secondTimes)
                .add(arrival.at()));
        Instant from = Collections.max(List.of(Collections.min(firstTimes), Collections.min(secondTimes)));
        Instant to = Collections.min(List.of(Collections.max(firstTimes), Collections.max(secondTimes)));
        long together = arrivals.stream().filter(a -> !a.at().isBefore(from) && !a.at().isAfter(to)).count();
        double seconds = Duration.between(from, to).toMillis() / 1000.0;
        double share = together / seconds / (SHARDS * 1_000.0);
        System.out.printf("two producers, %,d rows: %,d records in the %.1f s both ran (%.1f%% of %d shards' "
                + "capacity), %,d throttled%n", rows.size(), together, seconds, share * 100, SHARDS, throttled);
        assertTrue(seconds > 5, "the producers ran together for a while: " + seconds + " s");
        assertTrue(share >= 0.90, "together at least 90% of the shards' capacity: " + share);
    }
}
