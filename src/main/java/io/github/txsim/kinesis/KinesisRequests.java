package io.github.txsim.kinesis;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.txsim.publish.PendingRecord;
import io.github.txsim.rows.TransactionRecord;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * PutRecords requests made of a group's records, in order, within Kinesis's limits of 500 entries and 5 MiB a request
 * (a larger record goes alone): an entry a user record, or with KPL aggregation ({@link KplAggregation}) an aggregated
 * record of user records that hash to one shard, sent with an explicit hash key in that shard. Each request holds the
 * records that follow the previous request's, so that a sink answers a group's records in order.
 */
final class KinesisRequests {

    /**
     * One request.
     *
     * @param records   its user records, in order
     * @param entries   what it sends
     * @param entryOf   for each user record, the index of the entry that holds it
     * @param packedFor for each entry, the shard its aggregated record was packed for; null for a user record alone
     */
    record Request(List<PendingRecord> records, List<PutRecordsRequestEntry> entries, int[] entryOf,
            List<ShardMap.ShardRange> packedFor) {
    }

    private KinesisRequests() {
    }

    /** One entry a record. */
    static List<Request> plain(List<PendingRecord> records) {
        List<Request> requests = new ArrayList<>();
        List<PendingRecord> current = new ArrayList<>();
        long bytes = 0;
        for (PendingRecord record : records) {
            if (current.size() == KinesisSink.MAX_RECORDS_PER_REQUEST
                    || !current.isEmpty() && bytes + record.size() > KinesisSink.MAX_REQUEST_BYTES) {
                requests.add(plainRequest(current));
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(record);
            bytes += record.size();
        }
        if (!current.isEmpty()) {
            requests.add(plainRequest(current));
        }
        return requests;
    }

    private static Request plainRequest(List<PendingRecord> records) {
        int[] entryOf = new int[records.size()];
        List<PutRecordsRequestEntry> entries = new ArrayList<>(records.size());
        List<ShardMap.ShardRange> packedFor = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            entryOf[i] = i;
            entries.add(entry(records.get(i).record()));
            packedFor.add(null);
        }
        return new Request(records, entries, entryOf, packedFor);
    }

    /** User records packed into aggregated records of at most {@code maxAggregateBytes}, one shard each. */
    static List<Request> aggregated(List<PendingRecord> records, List<ShardMap.ShardRange> shards,
            long maxAggregateBytes) {
        List<Request> requests = new ArrayList<>();
        Packing packing = new Packing();
        for (PendingRecord record : records) {
            ShardMap.ShardRange shard = ShardMap.of(shards, ShardMap.hashKey(record.record().partitionKey()));
            KplAggregation.Packer packer = packing.open.get(shard);
            if (packer != null && !packer.fits(record.record())) {
                packing.close(shard);
                packer = null;
            }
            // a new aggregated record counts at its largest; a user record larger than that goes alone, as it is
            long counted = Math.max(maxAggregateBytes, record.size());
            if (packer == null) {
                if (!packing.records.isEmpty() && (packing.entries() == KinesisSink.MAX_RECORDS_PER_REQUEST
                        || packing.bytes + counted > KinesisSink.MAX_REQUEST_BYTES)) {
                    requests.add(packing.request());
                    packing = new Packing();
                }
                packer = packing.start(shard, maxAggregateBytes, counted);
            }
            packer.add(record.record());
            packing.records.add(record);
            packing.packerOf.add(packer);
        }
        if (!packing.records.isEmpty()) {
            requests.add(packing.request());
        }
        return requests;
    }

    /** One request being packed: its packers (those still open, one a shard), and its records. */
    private static final class Packing {
        private final Map<ShardMap.ShardRange, KplAggregation.Packer> open = new LinkedHashMap<>();
        private final List<KplAggregation.Packer> packers = new ArrayList<>();
        private final Map<KplAggregation.Packer, ShardMap.ShardRange> shardOf = new IdentityHashMap<>();
        private final List<PendingRecord> records = new ArrayList<>();
        private final List<KplAggregation.Packer> packerOf = new ArrayList<>();
        /** The request's bytes at most: every packer counted at its largest, or its one record's size. */
        private long bytes;

        KplAggregation.Packer start(ShardMap.ShardRange shard, long maxBytes, long counted) {
            KplAggregation.Packer packer = new KplAggregation.Packer(maxBytes);
            open.put(shard, packer);
            packers.add(packer);
            shardOf.put(packer, shard);
            bytes += counted;
            return packer;
        }

        void close(ShardMap.ShardRange shard) {
            open.remove(shard);
        }

        int entries() {
            return packers.size();
        }

        Request request() {
            Map<KplAggregation.Packer, Integer> index = new IdentityHashMap<>();
            List<PutRecordsRequestEntry> entries = new ArrayList<>(packers.size());
            List<ShardMap.ShardRange> packedFor = new ArrayList<>(packers.size());
            for (KplAggregation.Packer packer : packers) {
                index.put(packer, entries.size());
                if (packer.records().size() == 1) { // as the KPL does: one user record goes as it is
                    entries.add(entry(packer.records().get(0)));
                    packedFor.add(null);
                } else {
                    ShardMap.ShardRange shard = shardOf.get(packer);
                    entries.add(PutRecordsRequestEntry.builder().partitionKey(packer.partitionKey())
                            .explicitHashKey(shard.from().toString())
                            .data(SdkBytes.fromByteArrayUnsafe(packer.data())).build());
                    packedFor.add(shard);
                }
            }
            int[] entryOf = new int[records.size()];
            for (int i = 0; i < entryOf.length; i++) {
                entryOf[i] = index.get(packerOf.get(i));
            }
            return new Request(records, entries, entryOf, packedFor);
        }
    }

    private static PutRecordsRequestEntry entry(TransactionRecord record) {
        return PutRecordsRequestEntry.builder().partitionKey(record.partitionKey())
                .data(SdkBytes.fromByteArrayUnsafe(record.data())).build();
    }
}
