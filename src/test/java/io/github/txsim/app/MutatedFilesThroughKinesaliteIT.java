package io.github.txsim.app;

import java.util.List;
import java.util.stream.IntStream;

import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.TestApplication;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A sample of the mutants end to end, through kinesalite, read back from the stream. */
class MutatedFilesThroughKinesaliteIT extends MutatedFiles {

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @Configure
    void configure(MainConfigurationProperties main) {
        KINESIS.createStream("mutants", 1);
        forMutants(TestApplication.against(KINESIS, "mutants", data)).applyTo(main);
    }

    @Override
    List<String> recordsSoFar() {
        return KINESIS.dataOf("mutants");
    }

    @Test
    void everyFifteenthMutantArrivesInTheStreamAsItsRowsSay() throws Exception {
        publishEach(IntStream.range(0, MUTANTS).filter(i -> i % 15 == 7).boxed().toList());
    }
}
