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
 * Periodic jobs on {@code agent -dev}: the parent is never scheduled, a forced launch runs a
 * child even while another runs and overlap is prohibited, the parent's summary counts its
 * children, and the plan tells the next launch.
 */
class DevAgentPeriodicTest {
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String JOB = "{\"ID\": \"nightly\", \"Type\": \"batch\", \"Datacenters\": [\"dc1\"],"
            + " \"Periodic\": {\"Enabled\": true, \"SpecType\": \"cron\", \"Spec\": \"0 3 1 1 *\","
            + " \"TimeZone\": \"Europe/Paris\", \"ProhibitOverlap\": true},"
            + " \"TaskGroups\": [{\"Name\": \"g\", \"Count\": 1, \"Tasks\": [{\"Name\": \"t\", \"Driver\": \"raw_exec\","
            + " \"Config\": {\"command\": \"/bin/sleep\", \"args\": [\"60\"]},"
            + " \"Resources\": {\"CPU\": 100, \"MemoryMB\": 32}}]}]}";

    @TempDir
    Path dir;

    @Test
    void forceLaunchesAChildNowEvenOverProhibitOverlap() throws Exception {
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);

            Answer registered = http.post("/v1/jobs", "{\"Job\": " + JOB + "}");
            assertThat(registered.status()).isEqualTo(200);
            assertThat(registered.json().get("EvalID").asText()).isEmpty();
            assertThat(http.get("/v1/job/nightly").json().get("Status").asText()).isEqualTo("running");

            JsonNode plan = http.post("/v1/job/nightly/plan", "{\"Job\": " + JOB + "}").json();
            assertThat(plan.get("NextPeriodicLaunch").asText()).matches("\\d{4}-01-01T03:00:00\\+01:00");

            Answer forced = http.post("/v1/job/nightly/periodic/force", "");
            assertThat(forced.status()).isEqualTo(200);
            JsonNode answer = forced.json();
            String evalId = answer.get("EvalID").asText();
            assertThat(evalId).isNotEmpty();
            assertThat(answer.get("EvalCreateIndex").asLong()).isEqualTo(answer.get("Index").asLong());
            assertThat(forced.header("X-Nomad-Index")).isEqualTo(answer.get("Index").asText());

            JsonNode eval = http.get("/v1/evaluation/" + evalId).json();
            assertThat(eval.get("TriggeredBy").asText()).isEqualTo("periodic-job");
            String childId = eval.get("JobID").asText();
            assertThat(childId).matches("nightly/periodic-\\d+");
            JsonNode child = http.get("/v1/job/" + childId).json();
            assertThat(child.get("ParentID").asText()).isEqualTo("nightly");
            assertThat(child.get("Periodic").isNull()).isTrue();

            Awaitility.await("the child runs").atMost(PATIENCE).until(() ->
                    http.get("/v1/job/nightly/summary").json().get("Children").get("Running").asInt() == 1);

            // Overlap is prohibited, but a forced launch goes ahead.
            Answer again = http.put("/v1/job/nightly/periodic/force", "");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("EvalID").asText()).isNotEmpty().isNotEqualTo(evalId);
            assertThat(again.json().get("Index").asLong()).isGreaterThan(answer.get("Index").asLong());

            Answer unknown = http.post("/v1/job/nope/periodic/force", "");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.body()).isEqualTo("job not found");
            http.post("/v1/jobs", "{\"Job\": " + JOB.replace("nightly", "plain").replaceAll(
                    "\"Periodic\": \\{[^}]*\\},", "") + "}");
            Answer plain = http.post("/v1/job/plain/periodic/force", "");
            assertThat(plain.status()).isEqualTo(400);
            assertThat(plain.body()).isEqualTo("can't force launch non-periodic job");
            assertThat(http.get("/v1/job/nightly/evaluations").json().size()).isZero();
        }
    }

    @Test
    void childrenLaunchOnTheScheduleAndTheParentRunsUntilStopped() throws Exception {
        String ticker = JOB.replace("nightly", "ticker").replace("0 3 1 1 *", "*/2 * * * * * *")
                .replace("\"ProhibitOverlap\": true", "\"ProhibitOverlap\": false")
                .replace("\"/bin/sleep\", \"args\": [\"60\"]", "\"/bin/true\"");
        try (Agent agent = TestAgents.dev(dir)) {
            NomadClient http = TestAgents.httpOnceNodeReady(agent, PATIENCE);
            assertThat(http.post("/v1/jobs", "{\"Job\": " + ticker + "}").status()).isEqualTo(200);

            Awaitility.await("two children ran to completion").atMost(PATIENCE).until(() ->
                    http.get("/v1/job/ticker/summary").json().get("Children").get("Dead").asInt() >= 2);

            JsonNode children = http.get("/v1/jobs?prefix=ticker/periodic-").json();
            assertThat(children.size()).isGreaterThanOrEqualTo(2);
            for (JsonNode child : children) {
                long launch = Long.parseLong(child.get("ID").asText().substring("ticker/periodic-".length()));
                assertThat(launch % 2).as("launched on an even second: %s", child.get("ID")).isZero();
                assertThat(child.get("ParentID").asText()).isEqualTo("ticker");
            }
            // The parent itself is never placed and runs while its children come and go.
            JsonNode parent = http.get("/v1/job/ticker").json();
            assertThat(parent.get("Status").asText()).isEqualTo("running");
            assertThat(http.get("/v1/job/ticker/allocations").json().size()).isZero();

            assertThat(http.delete("/v1/job/ticker").status()).isEqualTo(200);
            JsonNode stopped = http.get("/v1/job/ticker").json();
            assertThat(stopped.get("Stop").asBoolean()).isTrue();
            assertThat(stopped.get("Status").asText()).isEqualTo("dead");
        }
    }
}
