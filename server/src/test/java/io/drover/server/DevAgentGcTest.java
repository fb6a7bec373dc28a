package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PUT /v1/system/gc} on {@code agent -dev}: a finished batch job disappears with its
 * evaluations and allocations, while a running job keeps everything it has.
 */
class DevAgentGcTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static String job(String id, String type, String command, String args) {
        return "{\"Job\": {\"ID\": \"" + id + "\", \"Type\": \"" + type + "\", \"Datacenters\": [\"dc1\"],"
                + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\","
                + " \"Config\": {\"command\": \"" + command + "\", \"args\": [" + args + "]},"
                + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";
    }

    @TempDir
    Path dir;

    @Test
    void aCompletedBatchJobIsCollectedAndARunningJobStays() throws Exception {
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);
            assertThat(http.post("/v1/jobs", job("done", "batch", "/bin/true", "")).status()).isEqualTo(200);
            assertThat(http.post("/v1/jobs", job("web", "service", "/bin/sleep", "\"300\"")).status()).isEqualTo(200);
            Awaitility.await("the batch job is dead").atMost(PATIENCE)
                    .until(() -> "dead".equals(http.get("/v1/job/done").json().get("Status").asText()));
            Awaitility.await("the service job runs").atMost(PATIENCE).until(() -> {
                JsonNode allocs = http.get("/v1/job/web/allocations").json();
                return allocs.size() == 1 && "running".equals(allocs.get(0).get("ClientStatus").asText());
            });
            String doneAlloc = http.get("/v1/job/done/allocations").json().get(0).get("ID").asText();
            String doneEval = http.get("/v1/job/done/evaluations").json().get(0).get("ID").asText();

            assertThat(http.post("/v1/system/gc", "").status()).isEqualTo(405);
            Answer gc = http.put("/v1/system/gc", "");

            assertThat(gc.status()).isEqualTo(200);
            assertThat(gc.body()).isEmpty();
            assertThat(http.get("/v1/job/done").status()).isEqualTo(404);
            assertThat(http.get("/v1/allocation/" + doneAlloc).status()).isEqualTo(404);
            assertThat(http.get("/v1/evaluation/" + doneEval).status()).isEqualTo(404);
            assertThat(http.get("/v1/jobs").json()).extracting(j -> j.get("ID").asText()).containsExactly("web");

            assertThat(http.get("/v1/job/web").json().get("Status").asText()).isEqualTo("running");
            JsonNode webAllocs = http.get("/v1/job/web/allocations").json();
            assertThat(webAllocs).hasSize(1);
            assertThat(webAllocs.get(0).get("ClientStatus").asText()).isEqualTo("running");
            assertThat(http.get("/v1/job/web/evaluations").json()).isNotEmpty();
            assertThat(http.get("/v1/nodes").json()).hasSize(1);
        }
    }
}
