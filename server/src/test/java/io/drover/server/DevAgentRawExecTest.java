package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent -dev} runs raw_exec tasks for real: their processes run, their output is kept, their end is reported. */
class DevAgentRawExecTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    @Test
    void aBatchJobRunsToCompletionAndItsOutputIsKept() throws Exception {
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);
            JsonNode node = http.get("/v1/node/" + http.get("/v1/nodes").json().get(0).get("ID").asText()).json();
            assertThat(node.get("Attributes").get("driver.raw_exec").asText()).isEqualTo("1");
            assertThat(node.get("Attributes").get("driver.mock_driver").asText()).isEqualTo("1");
            assertThat(node.get("Drivers").get("raw_exec").get("Healthy").asBoolean()).isTrue();
            assertThat(Files.readString(dir.resolve("client/node-id")).trim()).isEqualTo(node.get("ID").asText());

            String job = "{\"Job\": {\"ID\": \"hello\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                    + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": [{\"Name\": \"say\","
                    + " \"Driver\": \"raw_exec\", \"Config\": {\"command\": \"/bin/sh\", \"args\": [\"-c\", \"echo hi; exit 0\"]},"
                    + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
            assertThat(http.post("/v1/jobs", job).status()).isEqualTo(200);

            Awaitility.await("the job ends").atMost(PATIENCE)
                    .until(() -> "dead".equals(http.get("/v1/job/hello").json().get("Status").asText()));

            JsonNode allocs = http.get("/v1/job/hello/allocations").json();
            assertThat(allocs.size()).isEqualTo(1);
            JsonNode alloc = allocs.get(0);
            assertThat(alloc.get("ClientStatus").asText()).isEqualTo("complete");
            assertThat(alloc.get("ClientDescription").asText()).isEqualTo("All tasks have completed");
            JsonNode task = alloc.get("TaskStates").get("say");
            assertThat(task.get("State").asText()).isEqualTo("dead");
            assertThat(task.get("Failed").asBoolean()).isFalse();
            List<String> events = new ArrayList<>();
            task.get("Events").forEach(e -> events.add(e.get("Type").asText()));
            assertThat(events).containsExactly("Received", "Task Setup", "Started", "Terminated");

            Path log = dir.resolve("alloc").resolve(alloc.get("ID").asText()).resolve("alloc/logs/say.stdout.0");
            assertThat(Files.readString(log)).isEqualTo("hi\n");

            JsonNode summary = http.get("/v1/job/hello/summary").json().get("Summary").get("g");
            assertThat(summary.get("Complete").asInt()).isEqualTo(1);
            assertThat(summary.get("Running").asInt()).isZero();
            assertThat(summary.get("Failed").asInt()).isZero();
        }
    }

    @Test
    void aPrestartTaskCompletesBeforeTheMainTaskStarts() throws Exception {
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);
            // The main task fails unless the prestart task's file is already there when it starts.
            String job = "{\"Job\": {\"ID\": \"ordered\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
                    + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": ["
                    + "{\"Name\": \"main\", \"Driver\": \"raw_exec\", \"Config\": {\"command\": \"/bin/sh\","
                    + " \"args\": [\"-c\", \"cat $NOMAD_ALLOC_DIR/data/ready\"]}},"
                    + "{\"Name\": \"init\", \"Driver\": \"raw_exec\", \"Lifecycle\": {\"Hook\": \"prestart\"},"
                    + " \"Config\": {\"command\": \"/bin/sh\","
                    + " \"args\": [\"-c\", \"sleep 0.3; echo ready > $NOMAD_ALLOC_DIR/data/ready\"]}}]}]}}";
            assertThat(http.post("/v1/jobs", job).status()).isEqualTo(200);

            Awaitility.await("the job ends").atMost(PATIENCE)
                    .until(() -> "dead".equals(http.get("/v1/job/ordered").json().get("Status").asText()));

            JsonNode alloc = http.get("/v1/job/ordered/allocations").json().get(0);
            assertThat(alloc.get("ClientStatus").asText()).isEqualTo("complete");
            JsonNode init = alloc.get("TaskStates").get("init");
            JsonNode main = alloc.get("TaskStates").get("main");
            assertThat(init.get("Failed").asBoolean()).isFalse();
            assertThat(main.get("Failed").asBoolean()).isFalse();
            assertThat(java.time.Instant.parse(main.get("StartedAt").asText()))
                    .isAfterOrEqualTo(java.time.Instant.parse(init.get("FinishedAt").asText()));
            Path log = dir.resolve("alloc").resolve(alloc.get("ID").asText()).resolve("alloc/logs/main.stdout.0");
            assertThat(Files.readString(log)).isEqualTo("ready\n");
        }
    }
}
