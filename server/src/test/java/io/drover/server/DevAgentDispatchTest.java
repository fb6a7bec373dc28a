package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameterized jobs on {@code agent -dev}: the parent is never scheduled, a dispatch runs a
 * child that reads its payload and meta, bad dispatches are 400s with Nomad's texts, and
 * retries carrying one idempotency token make one child.
 */
class DevAgentDispatchTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String PARENT = "{\"Job\": {\"ID\": \"work\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
            + " \"ParameterizedJob\": {\"Payload\": \"required\", \"MetaRequired\": [\"who\"]},"
            + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\","
            + " \"DispatchPayload\": {\"File\": \"input.txt\"},"
            + " \"Config\": {\"command\": \"/bin/sh\","
            + " \"args\": [\"-c\", \"cat $NOMAD_TASK_DIR/input.txt; echo; echo $NOMAD_META_who\"]},"
            + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}}";

    @TempDir
    Path dir;

    @Test
    void aDispatchedChildRunsWithItsPayloadAndRetriesMakeOneChild() throws Exception {
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);

            Answer registered = http.post("/v1/jobs", PARENT);
            assertThat(registered.status()).isEqualTo(200);
            assertThat(registered.json().get("EvalID").asText()).isEmpty();
            assertThat(http.get("/v1/job/work").json().get("Status").asText()).isEqualTo("running");
            assertThat(http.get("/v1/job/work/evaluations").json().size()).isZero();

            assertRefused(http, "work", "{\"Meta\": {\"who\": \"me\"}}", 400,
                    "Payload is not provided but required by parameterized job");
            assertRefused(http, "work", dispatchBody("x", "\"who\": \"me\", \"what\": \"no\"", null), 400,
                    "Dispatch request included unpermitted metadata keys: [what]");
            assertRefused(http, "work", dispatchBody("x", "", null), 400,
                    "Dispatch did not provide required meta keys: [who]");
            assertRefused(http, "work", dispatchBody("x".repeat(16 * 1024 + 1), "\"who\": \"me\"", null), 400,
                    "Payload exceeds maximum size; 16385 > 16384");
            assertRefused(http, "work", "{\"Payload\": \"%%%\"}", 400, "illegal base64 data at input byte 0");
            assertRefused(http, "nope", dispatchBody("x", "\"who\": \"me\"", null), 404, "parameterized job not found");

            String payload = "x".repeat(16 * 1024 - 5) + "hello";
            Answer dispatched = http.post("/v1/job/work/dispatch", dispatchBody(payload, "\"who\": \"me\"", null));
            assertThat(dispatched.status()).isEqualTo(200);
            JsonNode answer = dispatched.json();
            String childId = answer.get("DispatchedJobID").asText();
            assertThat(childId).matches("work/dispatch-\\d+-[0-9a-f]{8}");
            assertThat(answer.get("EvalID").asText()).isNotEmpty();
            assertThat(answer.get("JobCreateIndex").asLong()).isEqualTo(answer.get("Index").asLong());
            assertThat(answer.get("EvalCreateIndex").asLong()).isEqualTo(answer.get("Index").asLong());
            assertThat(dispatched.header("X-Nomad-Index")).isEqualTo(answer.get("Index").asText());

            JsonNode child = http.get("/v1/job/" + childId).json();
            assertThat(child.get("ParentID").asText()).isEqualTo("work");
            assertThat(child.get("Dispatched").asBoolean()).isTrue();
            assertThat(child.get("Meta").get("who").asText()).isEqualTo("me");
            // Stored Snappy-compressed, answered as dispatched.
            String dispatchedPayload = base64(payload);
            assertThat(child.get("Payload").asText()).isEqualTo(dispatchedPayload);
            assertThat(http.get("/v1/job/" + childId + "/versions").json().get("Versions").get(0).get("Payload")
                    .asText()).isEqualTo(dispatchedPayload);

            Awaitility.await("the child ends").atMost(PATIENCE)
                    .until(() -> "dead".equals(http.get("/v1/job/" + childId).json().get("Status").asText()));
            JsonNode alloc = http.get("/v1/job/" + childId + "/allocations").json().get(0);
            assertThat(alloc.get("ClientStatus").asText()).isEqualTo("complete");
            assertThat(http.get("/v1/allocation/" + alloc.get("ID").asText()).json().get("Job").get("Payload").asText())
                    .isEqualTo(dispatchedPayload);
            assertThat(http.get("/v1/node/" + alloc.get("NodeID").asText() + "/allocations").json().get(0).get("Job")
                    .get("Payload").asText()).isEqualTo(dispatchedPayload);
            Path allocDir = dir.resolve("alloc").resolve(alloc.get("ID").asText());
            assertThat(Files.readString(allocDir.resolve("t/local/input.txt"))).endsWith("xxhello");
            assertThat(Files.readString(allocDir.resolve("alloc/logs/t.stdout.0"))).endsWith("hello\nme\n");

            Set<String> retried = dispatchConcurrently(http, 4, dispatchBody("y", "\"who\": \"you\"", "retry-1"));
            assertThat(retried).hasSize(1).doesNotContain(childId);
            List<String> children = new ArrayList<>();
            http.get("/v1/jobs?prefix=work/").json().forEach(j -> children.add(j.get("ID").asText()));
            assertThat(children).containsExactlyInAnyOrder(childId, retried.iterator().next());

            Awaitility.await("both children end").atMost(PATIENCE).until(() -> {
                JsonNode c = http.get("/v1/job/work/summary").json().get("Children");
                return c.get("Dead").asInt() == 2;
            });
            JsonNode counts = http.get("/v1/job/work/summary").json().get("Children");
            assertThat(counts.get("Pending").asInt()).isZero();
            assertThat(counts.get("Running").asInt()).isZero();
        }
    }

    private static void assertRefused(NomadClient http, String jobId, String body, int status, String message) {
        Answer a = http.post("/v1/job/" + jobId + "/dispatch", body);
        assertThat(a.status()).as(message).isEqualTo(status);
        assertThat(a.body()).isEqualTo(message);
    }

    private static String base64(String payload) {
        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String dispatchBody(String payload, String meta, String token) {
        String encoded = base64(payload);
        return "{\"Payload\": \"" + encoded + "\", \"Meta\": {" + meta + "}"
                + (token == null ? "" : ", \"IdempotencyToken\": \"" + token + "\"") + "}";
    }

    /** Sends {@code n} copies of one dispatch at once; the child IDs they were answered with. */
    private static Set<String> dispatchConcurrently(NomadClient http, int n, String body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post("/v1/job/work/dispatch", body);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                ids.add(a.json().get("DispatchedJobID").asText());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
