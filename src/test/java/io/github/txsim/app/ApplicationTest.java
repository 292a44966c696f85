package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
    void routesComeFromTheBuiltInCopiesElsewhereEachNamed(@TempDir Path elsewhere) throws Exception {
        try (Stream<Path> routes = Files.list(Path.of("routes"))) {
            assertEquals(routes.map(route -> "classpath:routes/" + route.getFileName()).sorted().toList(),
                    List.of(Application.routesIncludePattern(elsewhere.resolve("routes")).split(",")),
                    "every route of the routes folder, and only those");
        }
    }
}
