package io.github.txsim.app;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import io.github.txsim.testing.InMemoryKinesisClient;
import io.github.txsim.testing.TestApplication;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.test.main.junit5.Configure;
import org.junit.jupiter.api.Test;

/** Every mutant through the real routes into a fake stream in memory: fast enough for a few hundred files. */
class MutatedFilesIT extends MutatedFiles {

    private final InMemoryKinesisClient stream = new InMemoryKinesisClient();

    @Configure
    void configure(MainConfigurationProperties main) {
        forMutants(TestApplication.againstFake(stream, data)).applyTo(main);
    }

    @Override
    List<String> recordsSoFar() {
        return stream.acknowledged().stream().map(entry -> entry.data().asString(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void everyLineOfEveryMutantIsAcknowledgedOnceOrNamedWithItsReason() throws Exception {
        publishEach(IntStream.range(0, MUTANTS).boxed().toList());
    }
}
