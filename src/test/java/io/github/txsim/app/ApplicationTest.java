package io.github.txsim.app;

import java.nio.file.Path;

import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.RuntimeCamelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ApplicationTest {

    @Test
    void routesComeFromTheWorkingDirectoryWhenItHasThem() {
        assertEquals("file:routes/*.yaml", Application.routesIncludePattern(Path.of("routes")));
    }

    @Test
    void aStartFailureIsExplainedByTheFirstCauseThatIsNotOneOfCamelsWrappers() {
        IllegalStateException reason = new IllegalStateException("Kinesis stream 'x' does not exist");
        Exception failure = new FailedToStartRouteException("publish", "because of the stream",
                new RuntimeCamelException(reason));

        assertSame(reason, Application.reason(failure));
    }

    @Test
    void routesComeFromTheBuiltInCopiesElsewhere(@TempDir Path elsewhere) {
        assertEquals("classpath:routes/*.yaml", Application.routesIncludePattern(elsewhere.resolve("routes")));
    }
}
