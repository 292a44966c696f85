package io.github.txsim.app;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApplicationTest {

    @Test
    void routesComeFromTheWorkingDirectoryWhenItHasThem() {
        assertEquals("file:routes/*.yaml", Application.routesIncludePattern(Path.of("routes")));
    }

    @Test
    void routesComeFromTheBuiltInCopiesElsewhere(@TempDir Path elsewhere) {
        assertEquals("classpath:routes/*.yaml", Application.routesIncludePattern(elsewhere.resolve("routes")));
    }
}
