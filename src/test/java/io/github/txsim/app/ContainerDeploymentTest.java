package io.github.txsim.app;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.github.txsim.benchmark.Benchmark;
import io.github.txsim.testing.Deployment;
import io.github.txsim.testing.Deployment.Image;
import io.github.txsim.testing.Deployment.Workload;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container image, the Kubernetes manifests and the AWS Batch job definition of deploy/ agree with the build and
 * with the application's settings. (No container runtime or cluster here: DeployedPartitionsIT runs the manifests'
 * command and environment as local processes.)
 */
class ContainerDeploymentTest {

    private static final String JAR = "transaction-stream-simulator.jar";

    static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** The environment variable that overrides a property key: kinesis.streamName -> KINESIS_STREAM_NAME. */
    static String environmentName(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_').toUpperCase();
    }

    @Test
    void theImageRunsTheBuildsJarOnAJreAsANonRootUserWithoutNode() throws IOException {
        Image image = Deployment.image();
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);

        assertTrue(image.base().matches("eclipse-temurin:17-jre(-.*)?"), "a Java 17 JRE base: " + image.base());
        assertTrue(pom.contains("<maven.compiler.release>17</maven.compiler.release>"));
        assertTrue(image.user().matches("[1-9]\\d{3,}(:[1-9]\\d{3,})?"), "a numeric non-root user: " + image.user());
        assertTrue(pom.contains("<finalName>transaction-stream-simulator</finalName>"));
        assertEquals(Map.of("target/" + JAR, "/app/" + JAR), image.copies(), "the jar and nothing else");
        List<String> expected = new ArrayList<>(List.of("java"));
        expected.addAll(Benchmark.JVM_OPTIONS);
        expected.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "-jar", "/app/" + JAR));
        assertEquals(expected, image.entrypoint());
        image.runLines().forEach(run -> assertFalse(run.matches("(?i).*\\b(node|npm|nodejs)\\b.*"), run));
        assertEquals("false", image.environment().get("KINESIS_LOCAL_ENABLED"), "the image always runs against AWS");
    }

    @Test
    void theImageKeepsEveryDataFolderUnderData() throws IOException {
        Map<String, String> environment = Deployment.image().environment();
        Set<String> folderKeys = applicationProperties().stringPropertyNames().stream()
                .filter(key -> key.startsWith("folders.")).collect(Collectors.toSet());
        assertEquals(5, folderKeys.size(), "folders.* keys: " + folderKeys);
        for (String key : folderKeys) {
            String value = environment.get(environmentName(key));
            assertNotNull(value, key + " is set in the image");
            assertTrue(value.startsWith("/data/"), key + " lies in the data volume: " + value);
        }
    }

    @Test
    void eachWorkloadTakesItsPartitionFromTheIndexItsEngineSets() throws IOException {
        for (Workload workload : List.of(Deployment.indexedJob(), Deployment.statefulSet(),
                Deployment.batchArrayJob(4))) {
            String partition = workload.environment().get("SIMULATOR_PARTITION");
            assertTrue(partition != null && partition.matches("\\{\\{env:" + workload.indexVariable() + "(:0)?}}/"
                    + workload.copies()), workload.name() + ": " + partition + " for " + workload.copies() + " copies");
            assertTrue(workload.command().isEmpty(), workload.name() + " runs the image's entrypoint");
            assertTrue(workload.image().matches("([\\w.-]+/)*transaction-stream-simulator:[\\w.-]+"),
                    workload.name() + ": " + workload.image());
            assertEquals(tag(Deployment.indexedJob().image()), tag(workload.image()), "one image version everywhere");
        }
        assertEquals("true", Deployment.indexedJob().environment().get("APP_RUN_ONCE"));
        assertEquals("true", Deployment.batchArrayJob(4).environment().get("APP_RUN_ONCE"));
        assertEquals("false", Deployment.statefulSet().environment().get("APP_RUN_ONCE"));
    }

    private static String tag(String image) {
        return image.substring(image.lastIndexOf(':') + 1);
    }

    @Test
    void everyVariableTheWorkloadsSetIsASettingOfTheApplication() throws IOException {
        Set<String> settings = applicationProperties().stringPropertyNames().stream()
                .map(ContainerDeploymentTest::environmentName).collect(Collectors.toSet());
        // read by the AWS SDK, not by the application's properties
        Set<String> platform = Set.of("AWS_REGION");
        for (Workload workload : List.of(Deployment.indexedJob(), Deployment.statefulSet(),
                Deployment.batchArrayJob(4))) {
            for (String name : workload.environment().keySet()) {
                assertTrue(settings.contains(name) || platform.contains(name),
                        workload.name() + " sets " + name + ", which no key of application.properties reads");
            }
        }
    }

    @Test
    void thePodsRunAsTheImagesUserWithTheDataFoldersOnTheirVolumes() throws IOException {
        long uid = Long.parseLong(Deployment.image().user().split(":")[0]);
        Job job = Deployment.manifest("backfill-job.yaml", Job.class);
        StatefulSet set = Deployment.manifest("service-statefulset.yaml", StatefulSet.class);
        assertEquals("Indexed", job.getSpec().getCompletionMode());
        assertEquals(job.getSpec().getCompletions(), job.getSpec().getParallelism(), "all partitions at once");

        for (PodSpec pod : List.of(job.getSpec().getTemplate().getSpec(), set.getSpec().getTemplate().getSpec())) {
            assertEquals(uid, pod.getSecurityContext().getRunAsUser());
            assertTrue(pod.getSecurityContext().getRunAsNonRoot());
            Container container = pod.getContainers().get(0);
            assertTrue(container.getVolumeMounts().stream().anyMatch(mount -> mount.getMountPath().equals("/data")),
                    "the data folders' volume");
            assertEquals("transaction-stream-simulator", pod.getServiceAccountName());
        }
        assertEquals("transaction-stream-simulator",
                Deployment.manifest("serviceaccount.yaml", ServiceAccount.class).getMetadata().getName());
        String claim = set.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertTrue(set.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                .anyMatch(mount -> mount.getName().equals(claim) && mount.getMountPath().equals("/data")),
                "each pod's data folders on its own volume claim");
        Service service = Deployment.manifest("service-statefulset.yaml", Service.class);
        assertEquals(set.getSpec().getServiceName(), service.getMetadata().getName());
        assertEquals("None", service.getSpec().getClusterIP(), "a headless service, as a StatefulSet needs");
    }

    @Test
    void theProbesAskTheManagementServerOnItsPort() throws IOException {
        int port = Integer.parseInt(applicationProperties().getProperty("camel.management.port"));
        Container container = Deployment.manifest("service-statefulset.yaml", StatefulSet.class).getSpec()
                .getTemplate().getSpec().getContainers().get(0);
        assertEquals(port, container.getPorts().get(0).getContainerPort());
        String portName = container.getPorts().get(0).getName();
        assertEquals(portName, container.getLivenessProbe().getHttpGet().getPort().getStrVal());
        assertEquals(portName, container.getReadinessProbe().getHttpGet().getPort().getStrVal());
        assertEquals("0.0.0.0", Deployment.statefulSet().environment().get("CAMEL_MANAGEMENT_HOST"),
                "the kubelet reaches the pod's address, not its loopback");
    }
}
