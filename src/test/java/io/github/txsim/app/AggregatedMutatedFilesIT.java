package io.github.txsim.app;

import java.util.List;
import java.util.stream.IntStream;

import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TestApplication;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Another sample of the mutants through kinesalite with KPL aggregation on: a group's valid rows packed
 * into aggregated records of a few KB (so a group of 50 makes several), read back through the KCL's de-aggregation.
 * Rejects, reports and the summary's counts stay in rows, whatever the packing.
 */
class AggregatedMutatedFilesIT extends MutatedFiles {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @Configure
    void configure(MainConfigurationProperties main) {
        KINESIS.createStream("aggregated-mutants", 1); // one shard: the records read back in the order they came
        forMutants(TestApplication.against(KINESIS, "aggregated-mutants", data))
                .set("kinesis.aggregation", "kpl")
                .set("kinesis.aggregation.maxBytes", "4096")
                .applyTo(main);
    }

    @Override
    List<String> recordsSoFar() {
        return KINESIS.dataOf("aggregated-mutants");
    }

    @Test
    void everyFifteenthMutantArrivesAsItsRowsSayWhenAggregated() throws Exception {
        publishEach(IntStream.range(0, MUTANTS).filter(i -> i % 15 == 11).boxed().toList());
    }
}
