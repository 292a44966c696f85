package io.github.txsim.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The files of deploy/ read as the engines read them: the container image's instructions (deploy/Dockerfile), the
 * Kubernetes manifests through the Kubernetes API's own model (fabric8's, unknown fields refused, as the API server
 * refuses them), and the AWS Batch job definition.
 */
public final class Deployment {

    public static final Path FOLDER = Path.of("deploy");

    private Deployment() {
    }

    /**
     * What the Dockerfile builds.
     *
     * @param base        the FROM image
     * @param user        the USER it runs as
     * @param copies      COPY sources (relative to the project) to their paths in the image
     * @param environment the ENV variables
     * @param entrypoint  the ENTRYPOINT, exec form
     * @param runLines    the RUN instructions
     */
    public record Image(String base, String user, Map<String, String> copies, Map<String, String> environment,
            List<String> entrypoint, List<String> runLines) {
    }

    /**
     * One kind of work as an engine runs it: {@code copies} containers of one image, each with the environment below
     * and, set by the engine, {@code indexVariable} = 0 .. copies-1.
     *
     * @param command     the container's command, or an empty list for the image's entrypoint
     * @param environment the variables with a value; {@code fieldRefs} those the downward API fills
     */
    public record Workload(String name, String image, List<String> command, Map<String, String> environment,
            Map<String, String> fieldRefs, int copies, String indexVariable) {
    }

    public static Image image() throws IOException {
        String text = Files.readString(FOLDER.resolve("Dockerfile"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^\\s*#.*\\n", "").replaceAll("\\\\\\n", " ");
        String base = null;
        String user = null;
        Map<String, String> copies = new LinkedHashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> entrypoint = List.of();
        List<String> runs = new ArrayList<>();
        for (String line : text.split("\\n")) {
            String[] parts = line.strip().split("\\s+", 2);
            if (parts.length < 2) {
                continue;
            }
            switch (parts[0]) {
                case "FROM" -> base = parts[1];
                case "USER" -> user = parts[1];
                case "RUN" -> runs.add(parts[1]);
                case "COPY" -> {
                    String[] paths = parts[1].split("\\s+");
                    copies.put(paths[0], paths[1]);
                }
                case "ENV" -> {
                    Matcher pair = Pattern.compile("(\\w+)=(\\S+)").matcher(parts[1]);
                    while (pair.find()) {
                        environment.put(pair.group(1), pair.group(2));
                    }
                }
                case "ENTRYPOINT" -> entrypoint = new ObjectMapper().readValue(parts[1], new TypeReference<>() { });
                default -> {
                    // WORKDIR and others: not compared
                }
            }
        }
        return new Image(base, user, copies, environment, entrypoint, runs);
    }

    /** Every object of a manifest file of deploy/kubernetes/, in the Kubernetes model's classes. */
    public static List<HasMetadata> manifests(String file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = yaml.readerFor(JsonNode.class)
                .readValues(FOLDER.resolve("kubernetes").resolve(file).toFile())) {
            while (documents.hasNext()) {
                JsonNode node = (JsonNode) documents.next();
                Class<? extends HasMetadata> type = switch (node.path("kind").asText()) {
                    case "Job" -> Job.class;
                    case "StatefulSet" -> StatefulSet.class;
                    case "Service" -> Service.class;
                    case "ServiceAccount" -> ServiceAccount.class;
                    default -> throw new IllegalArgumentException(file + ": unexpected kind " + node.path("kind"));
                };
                objects.add(yaml.treeToValue(node, type));
            }
        }
        return objects;
    }

    public static <T extends HasMetadata> T manifest(String file, Class<T> type) throws IOException {
        return manifests(file).stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no " + type.getSimpleName()));
    }

    public static JsonNode batchJobDefinition() throws IOException {
        return new ObjectMapper().readTree(FOLDER.resolve("aws-batch").resolve("job-definition.json").toFile());
    }

    /** The Indexed Job: completions pods, each told its JOB_COMPLETION_INDEX. */
    public static Workload indexedJob() throws IOException {
        Job job = manifest("backfill-job.yaml", Job.class);
        return workload("Indexed Job", job.getSpec().getTemplate().getSpec().getContainers().get(0),
                job.getSpec().getCompletions(), "JOB_COMPLETION_INDEX");
    }

    /** The StatefulSet: replicas pods, each told its ordinal by the downward API. */
    public static Workload statefulSet() throws IOException {
        StatefulSet set = manifest("service-statefulset.yaml", StatefulSet.class);
        Container container = set.getSpec().getTemplate().getSpec().getContainers().get(0);
        Workload workload = workload("StatefulSet", container, set.getSpec().getReplicas(), null);
        String ordinal = workload.fieldRefs().entrySet().stream()
                .filter(ref -> ref.getValue().equals("metadata.labels['apps.kubernetes.io/pod-index']"))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new AssertionError("no variable holds the pod's ordinal"));
        return new Workload(workload.name(), workload.image(), workload.command(), workload.environment(),
                workload.fieldRefs(), workload.copies(), ordinal);
    }

    /** The AWS Batch array job: as many children as the array size it is submitted with. */
    public static Workload batchArrayJob(int arraySize) throws IOException {
        JsonNode container = batchJobDefinition().path("containerProperties");
        Map<String, String> environment = new LinkedHashMap<>();
        container.path("environment").forEach(v -> environment.put(v.path("name").asText(), v.path("value").asText()));
        List<String> command = new ArrayList<>();
        container.path("command").forEach(c -> command.add(c.asText()));
        return new Workload("AWS Batch array job", container.path("image").asText(), command, environment, Map.of(),
                arraySize, "AWS_BATCH_JOB_ARRAY_INDEX");
    }

    private static Workload workload(String name, Container container, int copies, String indexVariable) {
        Map<String, String> environment = new LinkedHashMap<>();
        Map<String, String> fieldRefs = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null) {
                fieldRefs.put(variable.getName(), variable.getValueFrom().getFieldRef().getFieldPath());
            } else {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        List<String> command = new ArrayList<>(container.getCommand());
        command.addAll(container.getArgs());
        return new Workload(name, container.getImage(), command, environment, fieldRefs, copies, indexVariable);
    }
}
