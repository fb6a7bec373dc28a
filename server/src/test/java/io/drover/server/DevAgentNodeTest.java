package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code agent -dev} is one server plus one node: a job registered on it is placed and runs. */
class DevAgentNodeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @TempDir
    Path dir;

    @Test
    void theDevAgentsOwnNodeRegistersAndRunsWhatIsPlacedOnIt() {
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);
            JsonNode node = http.get("/v1/nodes").json().get(0);
            assertThat(node.get("Datacenter").asText()).isEqualTo(agent.config().datacenter());
            assertThat(node.get("SchedulingEligibility").asText()).isEqualTo("eligible");

            String job = "{\"Job\": {\"ID\": \"dev-web\", \"Type\": \"service\", \"Datacenters\": [\"dc1\"],"
                    + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 2, \"Tasks\": [{\"Name\": \"t\", "
                    + TestJobs.mock("1h", 0) + ", \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
            assertThat(http.post("/v1/jobs", job).status()).isEqualTo(200);
            Awaitility.await("both allocations run on the dev node").atMost(PATIENCE).until(() -> {
                JsonNode allocs = http.get("/v1/job/dev-web/allocations").json();
                int running = 0;
                for (JsonNode a : allocs) {
                    if ("running".equals(a.get("ClientStatus").asText())
                            && node.get("ID").asText().equals(a.get("NodeID").asText())) {
                        running++;
                    }
                }
                return running == 2;
            });
            assertThat(http.get("/v1/job/dev-web").json().get("Status").asText()).isEqualTo("running");
        }
    }
}
