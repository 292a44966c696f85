package io.github.txsim.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.txsim.benchmark.Benchmark;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files of deploy/ agree with the build and with what the application calls. */
class DeployFilesTest {

    @Test
    void thePolicyGrantsExactlyTheCallsThePublisherMakesOnOneStream() throws IOException {
        JsonNode policy = new ObjectMapper().readTree(Path.of("deploy", "iam-policy.json").toFile());

        JsonNode statements = policy.get("Statement");
        assertEquals(1, statements.size());
        JsonNode statement = statements.get(0);
        assertEquals("Allow", statement.get("Effect").asText());
        Set<String> actions = new TreeSet<>();
        statement.get("Action").forEach(action -> actions.add(action.asText()));
        assertEquals(Set.of("kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:PutRecords"), actions);
        assertTrue(statement.get("Resource").asText().matches("arn:aws:kinesis:[A-Z_]+:[A-Z_]+:stream/[A-Z_]+"),
                "one stream's ARN, no wildcard: " + statement.get("Resource"));
    }

    @Test
    void theVerifyPolicyAddsOnlyTheReadsOfOneStream() throws IOException {
        JsonNode statements = new ObjectMapper().readTree(Path.of("deploy", "iam-policy-verify.json").toFile())
                .get("Statement");
        assertEquals(1, statements.size());
        Set<String> actions = new TreeSet<>();
        statements.get(0).get("Action").forEach(action -> actions.add(action.asText()));
        assertEquals(Set.of("kinesis:GetRecords", "kinesis:GetShardIterator"), actions);
        assertTrue(statements.get(0).get("Resource").asText().matches(
                "arn:aws:kinesis:[A-Z_]+:[A-Z_]+:stream/[A-Z_]+"), "one stream's ARN: " + statements.get(0));
    }

    @Test
    void theMskPolicyGrantsTheIdempotentProducerOneTopicOfOneCluster() throws IOException {
        JsonNode statements = new ObjectMapper().readTree(Path.of("deploy", "iam-policy-msk.json").toFile())
                .get("Statement");
        Set<String> actions = new TreeSet<>();
        statements.forEach(statement -> {
            assertEquals("Allow", statement.get("Effect").asText());
            assertTrue(statement.get("Resource").asText().matches(
                    "arn:aws:kafka:[A-Z_]+:[A-Z_]+:(cluster|topic)/[A-Z_]+/[A-Z_]+(/[A-Z_]+)?"),
                    "one cluster's or one topic's ARN, no wildcard: " + statement.get("Resource"));
            statement.get("Action").forEach(action -> actions.add(action.asText()));
        });
        // the producer connects, writes idempotently (enable.idempotence), reads the topic's partitions and writes
        assertEquals(Set.of("kafka-cluster:Connect", "kafka-cluster:WriteDataIdempotently",
                "kafka-cluster:DescribeTopic", "kafka-cluster:WriteData"), actions);
    }

    @Test
    void theServiceRunsTheJarTheBuildMakesWithTheHeapTheBenchmarkMeasures() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        List<String> execStart = Files.readAllLines(Path.of("deploy", "transaction-stream-simulator.service"),
                StandardCharsets.UTF_8).stream().filter(line -> line.startsWith("ExecStart=")).toList();

        assertEquals(1, execStart.size());
        assertTrue(pom.contains("<finalName>transaction-stream-simulator</finalName>"));
        assertTrue(execStart.get(0).endsWith(" -jar /opt/transaction-stream-simulator/transaction-stream-simulator.jar"),
                execStart.get(0));
        for (String option : Benchmark.JVM_OPTIONS) {
            assertTrue(execStart.get(0).contains(" " + option + " "), execStart.get(0));
        }
    }
}
