package io.github.txsim.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.txsim.testing.ApplicationProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each command of the jar reads its settings as the service does: -Dkey=value over the environment variable over
 * application.properties, and an option over all of them; a bad value from any of them is named with its option and
 * key. Run from the jar that {@code mvn package} builds.
 */
class CommandSettingsIT {

    private static final Path JAR = Path.of("target", "transaction-stream-simulator.jar");

    @TempDir
    Path data;

    private ApplicationProcess jar(String name, String... arguments) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: it is built by 'mvn package' (or 'mvn verify')");
        return new ApplicationProcess(data.resolve(name + ".log")).fromJar(JAR)
                .in(Files.createDirectories(data.resolve("working"))).jvmOption("-Xmx128m").arguments(arguments);
    }

    private static String run(ApplicationProcess process, int status) throws Exception {
        assertEquals(status, process.start().awaitExit(Duration.ofSeconds(60)), process.output());
        return process.output().replaceAll("\\s+", " ");
    }

    private ApplicationProcess generate(String name) throws Exception {
        return jar(name, "generate", "--from", "2018-04-01", "--no-report", "--out", data.resolve(name).toString());
    }

    private byte[] generated(String name) throws Exception {
        return Files.readAllBytes(data.resolve(name).resolve("transactions-2018-04-01.csv"));
    }

    @Test
    void generateTakesASystemPropertyOverAnEnvironmentVariableAndAnOptionOverBoth() throws Exception {
        run(generate("option").arguments("--customers", "100"), 0);
        run(generate("property").set("simulator.customers", "100").environment("SIMULATOR_CUSTOMERS", "7"), 0);
        run(generate("environment").environment("SIMULATOR_CUSTOMERS", "100"), 0);
        run(generate("all").arguments("--customers", "100").set("simulator.customers", "9")
                .environment("SIMULATOR_CUSTOMERS", "7"), 0);

        byte[] expected = generated("option");
        assertTrue(expected.length < 50_000, "a day of 100 customers, not of the default 50,000");
        for (String name : new String[] {"property", "environment", "all"}) {
            assertArrayEquals(expected, generated(name), name + ": the same day as --customers 100");
        }
    }

    @Test
    void aBadValueFromTheEnvironmentIsNamedWithItsOptionAndKey() throws Exception {
        String output = run(generate("bad").environment("SIMULATOR_CUSTOMERS", "0"), 2);
        assertTrue(output.contains("generate: --customers (simulator.customers) must be a whole number from 1 to "
                + "100,000,000, was '0'"), output);
    }

    @Test
    void reportTakesTheSimulatorsSettingsFromASystemPropertyOrTheEnvironment() throws Exception {
        assertTrue(run(jar("report-help", "report", "--help").environment("SIMULATOR_CUSTOMERS", "123"), 0)
                .contains("--customers=N Customers (default: 123)"));
        String output = run(jar("report-bad", "report", "any.csv").set("simulator.radius", "500"), 2);
        assertTrue(output.contains("report: --radius (simulator.radius) must be a number above 0 and at most 100, "
                + "was '500.0'"), output);
    }

    @Test
    void verifyTakesTheStreamFromASystemPropertyOrTheEnvironment() throws Exception {
        assertTrue(run(jar("verify-env", "verify", "--help").environment("KINESIS_STREAM_NAME", "payments"), 0)
                .contains("The stream (default: payments)"));
        assertTrue(run(jar("verify-property", "verify", "--help").set("kinesis.streamName", "refunds")
                .environment("KINESIS_STREAM_NAME", "payments"), 0).contains("The stream (default: refunds)"));
    }
}
