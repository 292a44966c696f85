package io.github.txsim.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.github.txsim.simulator.DailyTransactionGenerator;
import io.github.txsim.simulator.Population;
import io.github.txsim.simulator.SimulatorSettings;
import io.github.txsim.simulator.Transaction;
import io.github.txsim.testing.Deployment;
import io.github.txsim.testing.Deployment.Image;
import io.github.txsim.testing.Deployment.Workload;
import io.github.txsim.testing.Folders;
import io.github.txsim.testing.Kinesalite;
import io.github.txsim.testing.LoopbackPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests of deploy/ run as their engines would run them, without a container runtime or a cluster: for each
 * workload, as many local processes as the engine would start, each with the image's entrypoint (the jar the build
 * made standing for the image's copy), the image's and the manifest's environment, and the index variable the engine
 * sets (JOB_COMPLETION_INDEX, the pod's ordinal, AWS_BATCH_JOB_ARRAY_INDEX). The test changes what a cluster would
 * give otherwise (the emulator on loopback instead of AWS, each pod's /data in a folder of its own) and the size of
 * the work: a small population, two days instead of thirty, full speed instead of real time. What arrives in the
 * stream, all producers together, is the whole of each day, each transaction once.
 */
class DeployedPartitionsIT {

    private static final Path JAR = Path.of("target", "transaction-stream-simulator.jar").toAbsolutePath();
    private static final int CUSTOMERS = 2_000;
    private static final int TERMINALS = 4_000;

    @RegisterExtension
    static final Kinesalite KINESIS = new Kinesalite();

    @TempDir
    Path data;

    @Test
    void theIndexedJobsPodsPublishEveryTransactionOfTheBackfillOnce() throws Exception {
        Workload job = Deployment.indexedJob();
        List<Pod> pods = start(job, "job", Map.of("GENERATOR_BACKFILL_DAYS", "1"));
        for (Pod pod : pods) {
            assertEquals(0, pod.awaitExit(), pod.output());
            assertEquals(2, Folders.fileNames(pod.folder("source_archive")).size(), "two days: " + pod.output());
        }
        assertWholeDaysArrivedOnce("job", pods);
    }

    @Test
    void theBatchArrayJobsChildrenPublishEveryTransactionOnce() throws Exception {
        String partition = Deployment.batchArrayJob(1).environment().get("SIMULATOR_PARTITION");
        int arraySize = Integer.parseInt(partition.substring(partition.lastIndexOf('/') + 1));
        List<Pod> pods = start(Deployment.batchArrayJob(arraySize), "batch", Map.of("GENERATOR_BACKFILL_DAYS", "1"));
        for (Pod pod : pods) {
            assertEquals(0, pod.awaitExit(), pod.output());
        }
        assertWholeDaysArrivedOnce("batch", pods);
    }

    @Test
    void theStatefulSetsPodsServeTheirPartitionsAndAnswerTheirProbes() throws Exception {
        Workload set = Deployment.statefulSet();
        String readiness = Deployment.manifest("service-statefulset.yaml", StatefulSet.class).getSpec().getTemplate()
                .getSpec().getContainers().get(0).getReadinessProbe().getHttpGet().getPath();
        List<Integer> ports = new ArrayList<>();
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < set.copies(); i++) {
            ports.add(LoopbackPorts.free());
            // the kubelet probes the pod's address; here the management server stays on loopback, each pod on a port
            // of its own (a system property: Camel ignores variables ending in _PORT, which Kubernetes sets for
            // services). And the test plays the real-time feed (which takes a day) at full speed
            pods.add(startPod(set, "set", i, Map.of("CAMEL_MANAGEMENT_HOST", "127.0.0.1", "PUBLISH_PACING", "max"),
                    Map.of("camel.management.port", Integer.toString(ports.get(i)))));
        }
        try {
            for (Pod pod : pods) {
                await().atMost(Duration.ofSeconds(120)).until(() -> Folders.fileNames(pod.folder("source_archive"))
                        .size() == 1);
            }
            for (int port : ports) {
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + readiness)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());
            }
            for (Pod pod : pods) {
                pod.process.destroy();
                assertEquals(143, pod.awaitExit(), "a clean stop on SIGTERM: " + pod.output());
            }
        } finally {
            pods.forEach(pod -> pod.process.destroyForcibly());
        }
        assertWholeDaysArrivedOnce("set", pods);
    }

    /** One container, run as a local process, its /data in a folder of its own. */
    private record Pod(Process process, Path data, Path log) {

        Path folder(String name) {
            return data.resolve(name);
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("did not end in time: " + output());
            }
            return process.exitValue();
        }

        String output() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(no output: " + e + ")";
            }
        }
    }

    private List<Pod> start(Workload workload, String stream, Map<String, String> changes) throws Exception {
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < workload.copies(); i++) {
            pods.add(startPod(workload, stream, i, changes, Map.of()));
        }
        return pods;
    }

    private Pod startPod(Workload workload, String stream, int index, Map<String, String> changes,
            Map<String, String> systemProperties) throws Exception {
        if (index == 0) {
            KINESIS.createStream(stream, 2);
        }
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: it is built by 'mvn package' (or 'mvn verify')");
        Image image = Deployment.image();
        Path pod = Files.createDirectories(data.resolve(stream + "-" + index));
        Path podData = Files.createDirectories(pod.resolve("data"));
        Path workingDirectory = Files.createDirectories(pod.resolve("app"));

        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String argument : image.entrypoint().subList(1, image.entrypoint().size())) {
            if (argument.equals("-jar")) {
                // what a cluster gives instead of AWS: the emulator, with its test credentials
                KINESIS.componentProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
                systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            }
            command.add(image.copies().containsValue(argument) ? JAR.toString() : argument);
        }

        Map<String, String> environment = new LinkedHashMap<>(image.environment());
        environment.putAll(workload.environment());
        environment.put(workload.indexVariable(), Integer.toString(index));
        environment.replaceAll((name, value) -> value.startsWith("/data/")
                ? podData.resolve(value.substring("/data/".length())).toString() : value);
        environment.putAll(Map.of("KINESIS_STREAM_NAME", stream, "SIMULATOR_CUSTOMERS", Integer.toString(CUSTOMERS),
                "SIMULATOR_TERMINALS", Integer.toString(TERMINALS)));
        environment.putAll(changes);

        Path log = pod.resolve("output.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new Pod(builder.start(), podData, log);
    }

    /** The union of what arrived is every transaction of the days the pods archived, each once. */
    private static void assertWholeDaysArrivedOnce(String stream, List<Pod> pods) throws IOException {
        Map<Long, Integer> arrived = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (Kinesalite.ReceivedRecord record : KINESIS.readAll(stream)) {
            arrived.merge(json.readTree(record.data()).get("TRANSACTION_ID").asLong(), 1, Integer::sum);
        }
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        for (Pod pod : pods) {
            for (String name : Folders.fileNames(pod.folder("source_archive"))) {
                days.merge(LocalDate.parse(name.substring("transactions-".length(), "transactions-".length() + 10)),
                        1, Integer::sum);
            }
        }
        assertTrue(days.values().stream().allMatch(parts -> parts == pods.size()),
                "every pod archived its partition of each day: " + days);

        Properties defaults = ContainerDeploymentTest.applicationProperties();
        SimulatorSettings settings = new SimulatorSettings(CUSTOMERS, TERMINALS,
                Double.parseDouble(defaults.getProperty("simulator.radius")),
                Long.parseLong(defaults.getProperty("simulator.seed")),
                LocalDate.parse(defaults.getProperty("simulator.startDate")));
        DailyTransactionGenerator generator = new DailyTransactionGenerator(settings, Population.generate(settings));
        long expected = 0;
        for (LocalDate day : days.keySet()) {
            for (Transaction t : generator.generate(day).transactions()) {
                assertEquals(1, arrived.getOrDefault(t.transactionId(), 0), "arrivals of " + t);
                expected++;
            }
        }
        assertEquals(expected, arrived.size(), "no transaction that is not one of the days'");
    }
}
