package io.github.txsim.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVRecord;

import static org.awaitility.Awaitility.await;

/** What arrived in a stream compared with the rows of a file: lost and duplicated records. */
public final class Delivery {

    private Delivery() {
    }

    /** How many times each transaction id arrived in the stream. */
    public static Map<Long, Integer> arrivals(Kinesalite kinesis, String stream) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<Long, Integer> arrivals = new HashMap<>();
        for (Kinesalite.ReceivedRecord record : kinesis.readAll(stream)) {
            arrivals.merge(json.readTree(record.data()).get("TRANSACTION_ID").asLong(), 1, Integer::sum);
        }
        return arrivals;
    }

    /** Rows whose transaction id never arrived. */
    public static long lost(List<CSVRecord> rows, Map<Long, Integer> arrivals) {
        return rows.stream().filter(row -> !arrivals.containsKey(Long.parseLong(row.get("TRANSACTION_ID")))).count();
    }

    /** Arrivals beyond the first of each transaction id. */
    public static long duplicated(Map<Long, Integer> arrivals) {
        return arrivals.values().stream().mapToLong(n -> n - 1).sum();
    }

    /** Waits until the archive below the data folder holds one file, and returns it. */
    public static Path awaitArchived(Path data, Duration within) {
        Path archive = data.resolve("archive");
        await().atMost(within).until(() -> Folders.fileNames(archive).size() == 1);
        return archive.resolve(Folders.fileNames(archive).get(0));
    }
}
