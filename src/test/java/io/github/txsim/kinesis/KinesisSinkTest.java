package io.github.txsim.kinesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.rows.SourceRow;
import io.github.txsim.rows.TransactionRecord;
import io.github.txsim.testing.Rows;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KinesisSinkTest {

    @Test
    void requestsHoldAtMost500RecordsAndFiveMebibytes() {
        SourceRow row = Rows.of("CUSTOMER_ID\n1\n").get(0);
        List<PendingRecord> small = Collections.nCopies(1_001, record(row, 100));
        assertEquals(List.of(500, 500, 1), sizes(KinesisSink.requests(small)));

        List<PendingRecord> large = Collections.nCopies(12, record(row, 1_000_000));
        assertEquals(List.of(5, 5, 2), sizes(KinesisSink.requests(large)), "5 x 1,000,000 bytes fit 5 MiB");
    }

    @Test
    void aRecordLargerThanARequestsBytesGoesInARequestOfItsOwn() {
        SourceRow row = Rows.of("CUSTOMER_ID\n1\n").get(0);
        List<PendingRecord> records = List.of(record(row, 100), record(row, 6 * 1024 * 1024), record(row, 100),
                record(row, 10 * 1024 * 1024), record(row, 10 * 1024 * 1024), record(row, 100));
        assertEquals(List.of(1, 1, 1, 1, 1, 1), sizes(KinesisSink.requests(records)), "no request empty, none "
                + "with a record over 5 MiB and another");
        assertEquals(List.of(1, 2), sizes(KinesisSink.requests(List.of(record(row, 6 * 1024 * 1024),
                record(row, 100), record(row, 100)))));
    }

    private static PendingRecord record(SourceRow row, int bytes) {
        return new PendingRecord(new TransactionRecord(row, "k", new byte[bytes - 1]), null);
    }

    private static List<Integer> sizes(List<List<PendingRecord>> requests) {
        List<Integer> sizes = new ArrayList<>();
        requests.forEach(request -> sizes.add(request.size()));
        return sizes;
    }
}
