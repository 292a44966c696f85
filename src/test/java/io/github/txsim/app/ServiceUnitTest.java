package io.github.txsim.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The systemd unit of deploy/: a service against AWS without extra files, hardened as far as a JVM allows. */
class ServiceUnitTest {

    private static final Path UNIT = Path.of("deploy", "transaction-stream-simulator.service");
    private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for [^:]+: (\\d+\\.\\d+)");

    private static List<String> lines(String directive) throws IOException {
        return Files.readAllLines(UNIT, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith(directive + "="))
                .map(line -> line.substring(directive.length() + 1)).toList();
    }

    private static Map<String, String> environment() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String assignment : lines("Environment")) {
            String[] parts = assignment.split("=", 2);
            variables.put(parts[0], parts[1]);
        }
        return variables;
    }

    @Test
    void theUnitRunsAServiceAgainstAwsWithItsFoldersInTheStateDirectory() throws IOException {
        Map<String, String> environment = environment();
        assertEquals("false", environment.get("APP_RUN_ONCE"));
        assertEquals("false", environment.get("KINESIS_LOCAL_ENABLED"));
        String state = "/var/lib/" + lines("StateDirectory").get(0) + "/";
        Set<String> folderKeys = ContainerDeploymentTest.applicationProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("folders.")).collect(Collectors.toSet());
        for (String key : folderKeys) {
            String folder = environment.get(ContainerDeploymentTest.environmentName(key));
            assertTrue(folder != null && folder.startsWith(state), key + " in the state directory: " + folder);
        }
        Set<String> settings = ContainerDeploymentTest.applicationProperties().stringPropertyNames().stream()
                .map(ContainerDeploymentTest::environmentName).collect(Collectors.toSet());
        environment.keySet().forEach(name -> assertTrue(settings.contains(name), name + " is no setting"));
    }

    @Test
    void theUnitsExposureIsTwoOrLessAndTheJitKeepsItsMemory() throws Exception {
        ProcessBuilder analyze = new ProcessBuilder("systemd-analyze", "security", "--offline=true", UNIT.toString())
                .redirectErrorStream(true);
        Process process;
        try {
            process = analyze.start();
        } catch (IOException e) {
            throw new AssertionError("systemd-analyze is needed to score the unit and was not found (Debian and "
                    + "Ubuntu: apt-get install systemd): " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "systemd-analyze did not end");
        Matcher exposure = EXPOSURE.matcher(output);
        assertTrue(exposure.find(), "no exposure level in:\n" + output);
        assertTrue(Double.parseDouble(exposure.group(1)) <= 2.0, "exposure " + exposure.group(1) + ":\n" + output);

        assertEquals(List.of(""), lines("CapabilityBoundingSet"), "no capabilities at all");
        assertTrue(lines("SystemCallFilter").contains("@system-service"));
        assertEquals(List.of("0027"), lines("UMask"));
        assertFalse(lines("MemoryDenyWriteExecute").contains("true"), "the JIT compiler writes code it runs");
    }
}
