package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agent -dev} applies a job's policies to real processes: a failing task is restarted on
 * the node, then rescheduled by the servers; a stopped job's processes are killed.
 */
class DevAgentLifecycleTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void aFailingServiceIsRestartedThenRescheduledWithItsHistory() throws Exception {
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);
            // Nomad's smallest policies: one restart after 1s within 5s, then one reschedule after 5s.
            String job = "{\"Job\": {\"ID\": \"flaky\", \"Type\": \"service\", \"Datacenters\": [\"dc1\"],"
                    + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1,"
                    + " \"RestartPolicy\": {\"Attempts\": 1, \"Interval\": " + 5 * SECOND + ", \"Delay\": " + SECOND
                    + ", \"Mode\": \"fail\"},"
                    + " \"ReschedulePolicy\": {\"Attempts\": 1, \"Interval\": " + 3600 * SECOND + ", \"Delay\": "
                    + 5 * SECOND + ", \"DelayFunction\": \"constant\", \"Unlimited\": false},"
                    + " \"Tasks\": [{\"Name\": \"fail\", \"Driver\": \"raw_exec\","
                    + " \"Config\": {\"command\": \"/bin/sh\", \"args\": [\"-c\", \"echo trying; exit 1\"]},"
                    + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
            assertThat(http.post("/v1/jobs", job).status()).isEqualTo(200);

            Awaitility.await("the replacement fails too").atMost(PATIENCE).until(() -> {
                JsonNode allocs = http.get("/v1/job/flaky/allocations").json();
                return allocs.size() == 2 && StreamSupport.stream(allocs.spliterator(), false)
                        .allMatch(a -> "failed".equals(a.get("ClientStatus").asText()));
            });

            Map<String, JsonNode> byId = new java.util.HashMap<>();
            for (JsonNode stub : http.get("/v1/job/flaky/allocations").json()) {
                String id = stub.get("ID").asText();
                byId.put(id, http.get("/v1/allocation/" + id).json());
            }
            JsonNode first = byId.values().stream().filter(a -> text(a, "PreviousAllocation").isEmpty()).findFirst()
                    .orElseThrow();
            JsonNode second = byId.values().stream().filter(a -> !text(a, "PreviousAllocation").isEmpty()).findFirst()
                    .orElseThrow();
            assertThat(text(second, "PreviousAllocation")).isEqualTo(first.get("ID").asText());
            assertThat(text(first, "NextAllocation")).isEqualTo(second.get("ID").asText());
            assertThat(text(second, "NextAllocation")).as("one reschedule attempt only").isEmpty();

            JsonNode tracker = second.get("RescheduleTracker").get("Events");
            assertThat(tracker.size()).isEqualTo(1);
            assertThat(tracker.get(0).get("PrevAllocID").asText()).isEqualTo(first.get("ID").asText());
            assertThat(tracker.get(0).get("PrevNodeID").asText()).isEqualTo(first.get("NodeID").asText());
            assertThat(tracker.get(0).get("Delay").asLong()).isEqualTo(5 * SECOND);

            for (JsonNode alloc : List.of(first, second)) {
                JsonNode task = alloc.get("TaskStates").get("fail");
                assertThat(task.get("State").asText()).isEqualTo("dead");
                assertThat(task.get("Failed").asBoolean()).isTrue();
                assertThat(task.get("Restarts").asInt()).isEqualTo(1);
                assertThat(types(task)).containsExactly("Received", "Task Setup", "Started", "Terminated", "Restarting",
                        "Started", "Terminated", "Not Restarting");
                JsonNode restarting = event(task, "Restarting");
                // Nomad jitters the restart delay by up to a quarter.
                assertThat(restarting.get("StartDelay").asLong()).isBetween(SECOND, SECOND + SECOND / 4);
                assertThat(event(task, "Terminated").get("ExitCode").asInt()).isEqualTo(1);
                Path log = dir.resolve("alloc").resolve(alloc.get("ID").asText()).resolve("alloc/logs/fail.stdout.0");
                assertThat(Files.readString(log)).as("both runs append to the same log").isEqualTo("trying\ntrying\n");
            }

            JsonNode summary = http.get("/v1/job/flaky/summary").json().get("Summary").get("g");
            assertThat(summary.get("Failed").asInt()).isEqualTo(2);
            assertThat(summary.get("Running").asInt()).isZero();
        }
    }

    @Test
    void stoppingAJobKillsItsProcessesEvenWhenTheyIgnoreTheKillSignal() throws Exception {
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);
            // The shell ignores the kill signal (SIGINT unless KillSignal says otherwise), so only
            // the SIGKILL after the kill timeout ends it.
            String script = "trap '' INT TERM; echo $$ > ${NOMAD_ALLOC_DIR}/pid; while true; do sleep 1; done";
            String job = "{\"Job\": {\"ID\": \"stubborn\", \"Type\": \"service\", \"Datacenters\": [\"dc1\"],"
                    + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": [{\"Name\": \"loop\","
                    + " \"Driver\": \"raw_exec\", \"KillTimeout\": " + 2 * SECOND + ","
                    + " \"Config\": {\"command\": \"/bin/sh\", \"args\": [\"-c\", \"" + script + "\"]},"
                    + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
            assertThat(http.post("/v1/jobs", job).status()).isEqualTo(200);

            Awaitility.await("the task runs").atMost(PATIENCE).until(() -> {
                JsonNode allocs = http.get("/v1/job/stubborn/allocations").json();
                return allocs.size() == 1 && "running".equals(allocs.get(0).get("ClientStatus").asText());
            });
            String allocId = http.get("/v1/job/stubborn/allocations").json().get(0).get("ID").asText();
            Path pidFile = dir.resolve("alloc").resolve(allocId).resolve("alloc/pid");
            Awaitility.await("the task wrote its pid").atMost(PATIENCE)
                    .until(() -> Files.exists(pidFile) && Files.readString(pidFile).endsWith("\n"));
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

            assertThat(http.delete("/v1/job/stubborn").status()).isEqualTo(200);

            Awaitility.await("the node reports the task killed").atMost(PATIENCE)
                    .until(() -> "complete".equals(http.get("/v1/allocation/" + allocId).json().get("ClientStatus").asText()));
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the task's process").isEmpty();

            JsonNode alloc = http.get("/v1/allocation/" + allocId).json();
            assertThat(alloc.get("DesiredStatus").asText()).isEqualTo("stop");
            JsonNode task = alloc.get("TaskStates").get("loop");
            assertThat(task.get("State").asText()).isEqualTo("dead");
            assertThat(task.get("Failed").asBoolean()).isFalse();
            assertThat(types(task)).containsExactly("Received", "Task Setup", "Started", "Killing", "Terminated", "Killed");
            assertThat(event(task, "Killing").get("KillTimeout").asLong()).isEqualTo(2 * SECOND);
            assertThat(event(task, "Terminated").get("Signal").asInt()).as("killed by SIGKILL").isEqualTo(9);
        }
    }

    private static String text(JsonNode n, String field) {
        return Optional.ofNullable(n.get(field)).filter(f -> !f.isNull()).map(JsonNode::asText).orElse("");
    }

    private static List<String> types(JsonNode task) {
        List<String> types = new ArrayList<>();
        task.get("Events").forEach(e -> types.add(e.get("Type").asText()));
        return types;
    }

    private static JsonNode event(JsonNode task, String type) {
        return StreamSupport.stream(task.get("Events").spliterator(), false)
                .filter(e -> type.equals(e.get("Type").asText())).findFirst().orElseThrow();
    }
}
