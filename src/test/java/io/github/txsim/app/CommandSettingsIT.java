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
 * Each command of the jar reads its settings as the service does: -Dkey=value over the environment variable over the
 * settings file the user names (app.settingsFile) over application.properties, and an option over all of them; a bad value from any of them is named with its option and
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
    void aSettingsFileTheUserNamesGoesAboveApplicationPropertiesAndBelowTheEnvironment() throws Exception {
        Files.writeString(Files.createDirectories(data.resolve("working")).resolve("application.properties"),
                "simulator.customers=9\n");
        Path named = Files.writeString(data.resolve("production.properties"), "simulator.customers=100\n");
        Path other = Files.writeString(data.resolve("other.properties"), "simulator.customers=9\n");
        run(generate("option").arguments("--customers", "100"), 0);
        run(generate("named").set("app.settingsFile", named.toString()), 0);
        run(generate("named-env").environment("APP_SETTINGSFILE", named.toString()), 0);
        run(generate("env-over-named").set("app.settingsFile", other.toString())
                .environment("SIMULATOR_CUSTOMERS", "100"), 0);

        byte[] expected = generated("option");
        for (String name : new String[] {"named", "named-env", "env-over-named"}) {
            assertArrayEquals(expected, generated(name), name + ": the same day as --customers 100");
        }
    }

    @Test
    void theServiceReadsTheNamedSettingsFileToo() throws Exception {
        Path named = Files.writeString(data.resolve("production.properties"), "publish.groupSize=600\n");
        String output = run(jar("service").set("app.settingsFile", named.toString()), 1);
        assertTrue(output.contains("Cannot start: Property publish.groupSize must be a whole number from 1 to 500, "
                + "was '600'"), output);
    }

    @Test
    void aSettingsFileNamedThatIsNotThereIsRefusedByEveryCommand() throws Exception {
        Path missing = data.resolve("missing.properties");
        String expected = "app.settingsFile names " + missing + ", which is not a file that can be read";
        String service = run(jar("service-missing").set("app.settingsFile", missing.toString()), 1);
        assertTrue(service.contains("Cannot start: " + expected), service);
        String generate = run(generate("generate-missing").set("app.settingsFile", missing.toString()), 1);
        assertTrue(generate.contains("generate: " + expected), generate);
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
    void verifyTakesTheDestinationsNameFromASystemPropertyOrTheEnvironment() throws Exception {
        assertTrue(run(jar("verify-env", "verify", "--help").environment("KINESIS_STREAM_NAME", "payments"), 0)
                .contains("The stream or topic to read (default: payments,"));
        assertTrue(run(jar("verify-property", "verify", "--help").set("kinesis.streamName", "refunds")
                .environment("KINESIS_STREAM_NAME", "payments"), 0).contains("The stream or topic to read (default: "
                + "refunds,"));
        assertTrue(run(jar("verify-kafka", "verify", "--help").set("publish.sink", "kafka")
                .set("kafka.topic", "payments"), 0).contains("The stream or topic to read (default: payments,"));
    }
}
