package io.drover.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.drover.model.json.NomadJson;
import io.drover.model.json.Recording;
import io.drover.testkit.fixtures.JobBody;
import io.drover.testkit.http.Answer;
import io.drover.testkit.http.NomadClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jobs API core against a real dev agent (Raft, RocksDB, Netty, on ephemeral ports), as a
 * Nomad API user sees it: status codes, bodies, indexes and headers. The agent schedules nothing,
 * so every index and evaluation seen here is one these tests wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevAgentJobsApiTest {
    @TempDir
    Path dir;
    Agent agent;
    NomadClient http;

    @BeforeAll
    void start() throws Exception {
        agent = TestAgents.devWithoutScheduling(dir);
        http = TestAgents.http(agent.httpPort());
        TestAgents.awaitLeading(agent, http, Duration.ofSeconds(20));
    }

    @AfterAll
    void stop() {
        agent.close();
    }

    /** A batch job of one raw_exec task "sleep" running {@code /bin/sleep arg}. */
    static String batchJob(String id, String arg) {
        return JobBody.batch(id).task("sleep").rawExec("/bin/sleep", arg).register();
    }

    @Test
    void registerThenReadListAndSummarize() {
        Answer reg = http.post("/v1/jobs", batchJob("reg-read", "5"));
        assertThat(reg.status()).isEqualTo(200);
        JsonNode r = reg.json();
        long index = r.get("Index").asLong();
        assertThat(r.get("EvalID").asText()).matches("[0-9a-f-]{36}");
        assertThat(r.get("EvalCreateIndex").asLong()).isEqualTo(index);
        assertThat(r.get("JobModifyIndex").asLong()).isEqualTo(index);
        assertThat(r.get("Warnings").asText()).isEmpty();
        assertThat(r.get("KnownLeader").isBoolean()).isTrue();
        assertThat(reg.index()).isEqualTo(index);

        Answer read = http.get("/v1/job/reg-read");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("X-Nomad-KnownLeader")).isEqualTo("true");
        assertThat(read.header("X-Nomad-LastContact")).isEqualTo("0");
        JsonNode job = read.json();
        assertThat(read.index()).isEqualTo(job.get("ModifyIndex").asLong());
        assertThat(job.get("CreateIndex").asLong()).isEqualTo(index);
        assertThat(job.get("JobModifyIndex").asLong()).isEqualTo(index);
        assertThat(job.get("Status").asText()).isEqualTo("pending");
        assertThat(job.get("Region").asText()).isEqualTo("global");
        assertThat(job.get("Namespace").asText()).isEqualTo("default");
        assertThat(job.get("Priority").asInt()).isEqualTo(50);
        assertThat(job.get("Version").asInt()).isZero();
        assertThat(job.get("SubmitTime").asLong()).isPositive();
        JsonNode task = job.get("TaskGroups").get(0).get("Tasks").get(0);
        assertThat(task.get("KillTimeout").asLong()).isEqualTo(5_000_000_000L);
        assertThat(job.get("TaskGroups").get(0).get("RestartPolicy").get("Mode").asText()).isEqualTo("fail");

        Answer list = http.get("/v1/jobs?prefix=reg-");
        assertThat(list.status()).isEqualTo(200);
        JsonNode stub = list.json().get(0);
        assertThat(stub.get("ID").asText()).isEqualTo("reg-read");
        assertThat(stub.get("JobSummary").get("Summary").get("g").get("Queued").asInt()).isZero();
        assertThat(stub.has("SubmitTime")).isTrue();
        assertThat(list.index()).isGreaterThanOrEqualTo(index);

        Answer summary = http.get("/v1/job/reg-read/summary");
        assertThat(summary.json().get("JobID").asText()).isEqualTo("reg-read");
        assertThat(summary.index()).isEqualTo(summary.json().get("ModifyIndex").asLong());

        Answer evals = http.get("/v1/job/reg-read/evaluations");
        JsonNode eval = evals.json().get(0);
        assertThat(eval.get("ID").asText()).isEqualTo(r.get("EvalID").asText());
        assertThat(eval.get("TriggeredBy").asText()).isEqualTo("job-register");
        assertThat(eval.get("Status").asText()).isEqualTo("pending");
        assertThat(eval.get("JobModifyIndex").asLong()).isEqualTo(index);
        assertThat(eval.has("NodeID")).as("empty fields are omitted").isFalse();

        Answer one = http.get("/v1/evaluation/" + r.get("EvalID").asText());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("JobID").asText()).isEqualTo("reg-read");
        assertThat(http.get("/v1/evaluations").json().findValuesAsText("ID")).contains(r.get("EvalID").asText());
    }

    @Test
    void versionsRevertAndStability() {
        long v0 = http.post("/v1/jobs", batchJob("versioned", "1")).json().get("JobModifyIndex").asLong();
        Answer same = http.post("/v1/job/versioned", batchJob("versioned", "1"));
        assertThat(same.json().get("JobModifyIndex").asLong()).as("unchanged spec keeps its index").isEqualTo(v0);
        long v1 = http.post("/v1/job/versioned", batchJob("versioned", "2")).json().get("JobModifyIndex").asLong();
        assertThat(v1).isGreaterThan(v0);

        Answer versions = http.get("/v1/job/versioned/versions");
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().get("Versions").findValues("Version")).extracting(JsonNode::asInt)
                .containsExactly(1, 0);
        assertThat(versions.json().has("Diffs")).isTrue();

        Answer stable = http.post("/v1/job/versioned/stable",
                "{\"JobID\": \"versioned\", \"JobVersion\": 1, \"Stable\": true}");
        assertThat(stable.status()).isEqualTo(200);
        assertThat(stable.json().get("Index").asLong()).isPositive();
        assertThat(stable.json().get("JobModifyIndex").asLong()).isEqualTo(stable.json().get("Index").asLong());
        assertThat(http.get("/v1/job/versioned").json().get("Stable").asBoolean()).isTrue();

        Answer badPrior = http.post("/v1/job/versioned/revert",
                "{\"JobID\": \"versioned\", \"JobVersion\": 0, \"EnforcePriorVersion\": 7}");
        assertThat(badPrior.status()).isEqualTo(409);
        assertThat(badPrior.body()).isEqualTo("Current job has version 1; enforcing version 7");

        Answer revert = http.post("/v1/job/versioned/revert",
                "{\"JobID\": \"versioned\", \"JobVersion\": 0, \"EnforcePriorVersion\": 1}");
        assertThat(revert.status()).isEqualTo(200);
        assertThat(revert.json().get("EvalID").asText()).isNotEmpty();
        JsonNode current = http.get("/v1/job/versioned").json();
        assertThat(current.get("Version").asInt()).isEqualTo(2);
        assertThat(current.get("TaskGroups").get(0).get("Tasks").get(0).get("Config").get("args").get(0).asText())
                .isEqualTo("1");

        Answer toCurrent = http.post("/v1/job/versioned/revert", "{\"JobID\": \"versioned\", \"JobVersion\": 2}");
        assertThat(toCurrent.status()).isEqualTo(400);
        assertThat(toCurrent.body()).isEqualTo("can't revert to current version");
    }

    /**
     * The four registers of {@code 301}-{@code 305} against a real Nomad 0.11.3, replayed here: the
     * versions' Diffs are the ones Nomad answered in {@code 306}, byte for byte (they hold no IDs,
     * indexes or times).
     */
    @Test
    void versionDiffsAreTheOnesNomadAnswers() throws Exception {
        for (String register : new String[] {"301_jobs_register_hist_v0.txt", "303_job_register_hist_v1_count_meta.txt",
                "304_job_register_hist_v2_args.txt", "305_job_register_hist_v3_priority_constraint_update_env.txt"}) {
            assertThat(http.post("/v1/job/hist", body(register)).status()).isEqualTo(200);
        }
        JsonNode nomad = NomadJson.mapper().readTree(Recording.load("306_job_versions_diffs.txt").responseBody);

        JsonNode versions = http.get("/v1/job/hist/versions?diffs=true").json();

        assertThat(versions.get("Versions")).hasSize(4);
        assertThat(versions.get("Diffs").toString()).isEqualTo(nomad.get("Diffs").toString());
        assertThat(http.get("/v1/job/hist/versions").json().get("Diffs").isNull()).isTrue();
    }

    /** Register, validate, plan and revert answer Nomad's Warnings text ({@code 320}-{@code 325}). */
    @Test
    void writesAnswerNomadsWarnings() throws Exception {
        assertThat(warnings(http.post("/v1/jobs", body("323_register_warnings_all_kinds.txt"))))
                .isEqualTo(recordedWarnings("323_register_warnings_all_kinds.txt"));
        assertThat(warnings(http.post("/v1/validate/job", body("321_validate_warnings_all_kinds.txt"))))
                .isEqualTo(recordedWarnings("321_validate_warnings_all_kinds.txt"));
        assertThat(warnings(http.post("/v1/job/warn/plan", body("322_plan_warnings_all_kinds.txt"))))
                .isEqualTo(recordedWarnings("322_plan_warnings_all_kinds.txt"));

        // A count of 0 under the default update block, then 1, then a revert to the 0: Nomad's
        // revert registers the old version, so it answers that version's warnings again.
        assertThat(warnings(http.post("/v1/jobs", body("320_register_warning_count_zero.txt"))))
                .isEqualTo(recordedWarnings("320_register_warning_count_zero.txt"));
        assertThat(warnings(http.post("/v1/job/warn0", body("324_register_count_zero_then_one.txt")))).isEmpty();
        assertThat(warnings(http.post("/v1/job/warn0/revert", body("325_revert_answers_the_old_versions_warnings.txt"))))
                .isEqualTo(recordedWarnings("325_revert_answers_the_old_versions_warnings.txt"));
    }

    private static String body(String recording) {
        return new String(Recording.load(recording).requestBody, StandardCharsets.UTF_8);
    }

    private static String recordedWarnings(String recording) throws Exception {
        String warnings = NomadJson.mapper().readTree(Recording.load(recording).responseBody).get("Warnings").asText();
        assertThat(warnings).as("what Nomad answered").isNotEmpty();
        return warnings;
    }

    private static String warnings(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("Warnings").asText();
    }

    @Test
    void checkAndSetOnRegister() {
        long first = http.post("/v1/jobs", batchJob("cas", "1")).json().get("JobModifyIndex").asLong();
        String stale = batchJob("cas", "2").replaceFirst("\\}$", ", \"EnforceIndex\": true, \"JobModifyIndex\": 1}");
        Answer refused = http.post("/v1/jobs", stale);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).isEqualTo("Enforcing job modify index 1: job exists with conflicting job modify index: "
                + first);
        assertThat(refused.header("Content-Type")).startsWith("text/plain");
        assertThat(http.get("/v1/job/cas").json().get("Version").asInt()).as("nothing changed").isZero();

        String fresh = batchJob("cas", "2").replaceFirst("\\}$", ", \"EnforceIndex\": true, \"JobModifyIndex\": "
                + first + "}");
        assertThat(http.post("/v1/jobs", fresh).status()).isEqualTo(200);
        assertThat(http.get("/v1/job/cas").json().get("Version").asInt()).isEqualTo(1);
    }

    @Test
    void stopThenPurge() {
        http.post("/v1/jobs", batchJob("stopped", "1"));
        Answer stop = http.delete("/v1/job/stopped");
        assertThat(stop.status()).isEqualTo(200);
        JsonNode s = stop.json();
        assertThat(s.get("EvalID").asText()).isNotEmpty();
        assertThat(s.has("VolumeEvalID")).isTrue();
        JsonNode job = http.get("/v1/job/stopped").json();
        assertThat(job.get("Stop").asBoolean()).isTrue();
        assertThat(job.get("Version").asInt()).isEqualTo(1);
        assertThat(http.get("/v1/job/stopped/evaluations").json().findValuesAsText("TriggeredBy"))
                .contains("job-deregister");

        assertThat(http.delete("/v1/job/stopped?purge=true").status()).isEqualTo(200);
        Answer gone = http.get("/v1/job/stopped");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("job not found");
        assertThat(http.get("/v1/job/stopped/versions").body()).isEqualTo("job versions not found");
        assertThat(http.get("/v1/job/stopped/evaluations").json().size()).as("evaluations outlive a purge")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void forcedEvaluation() {
        http.post("/v1/jobs", batchJob("forced", "1"));
        Answer ev = http.post("/v1/job/forced/evaluate", "{\"JobID\": \"forced\", \"EvalOptions\": {\"ForceReschedule\": true}}");
        assertThat(ev.status()).isEqualTo(200);
        assertThat(http.get("/v1/job/forced/evaluations").json().size()).isEqualTo(2);
        Answer unknown = http.post("/v1/job/nope/evaluate", "");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void badInputGetsClearErrorsAndChangesNothing() {
        long before = http.get("/v1/jobs").index();

        assertError(http.post("/v1/jobs", "{\"Job\": {\"ID\": \"x\", "), 400, "unexpected EOF");
        assertError(http.post("/v1/jobs", ""), 400, "EOF");
        assertError(http.post("/v1/jobs", "{}"), 400, "Job must be specified");
        assertError(http.post("/v1/jobs", "{\"Job\": {\"Name\": \"noid\", \"Type\": \"batch\"}}"), 400,
                "Job ID hasn't been provided");
        assertError(http.post("/v1/job/other", batchJob("mismatch", "1")), 400, "Job ID does not match name");
        assertError(http.post("/v1/jobs", "{\"Job\": {\"ID\": \"invalid-job\", \"Type\": \"batch\"}}"), 400,
                "2 errors occurred:\n\t* Missing job datacenters\n\t* Missing job task groups\n\n");
        assertError(http.post("/v1/jobs", batchJob("wrongtype", "1").replace("\"Count\": 1", "\"Count\": \"two\"")), 400,
                "json: cannot unmarshal string into Go struct field TaskGroup.Job.TaskGroups.Count of type int");
        assertError(http.post("/v1/jobs", batchJob("ns-job", "1").replace("\"Type\"", "\"Namespace\": \"other\", \"Type\"")),
                400, "job \"ns-job\" is in nonexistent namespace \"other\"");
        assertError(http.get("/v1/jobs?index=abc"), 400, "Invalid index");
        assertError(http.get("/v1/jobs?index=1&wait=abc"), 400, "Invalid wait time");
        assertError(http.delete("/v1/jobs"), 405, "Invalid method");
        assertError(http.send(http.request("/v1/job/x").method("PATCH", HttpRequest.BodyPublishers.noBody())), 405,
                "Invalid method");
        assertError(http.get("/v1/job/no-such-job"), 404, "job not found");
        assertError(http.get("/v1/job/no-such-job/summary"), 404, "job not found");
        assertError(http.get("/v1/evaluation/no-such-eval"), 404, "eval not found");
        Answer route = http.get("/v1/jobz");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.body()).isEmpty();
        Answer big = http.post("/v1/jobs", "{\"Job\": {\"ID\": \"big\", \"Meta\": {\"k\": \""
                + "x".repeat(5 << 20) + "\"}}}");
        assertThat(big.status()).isEqualTo(413);

        assertThat(http.get("/v1/jobs").index()).as("rejected requests wrote nothing").isEqualTo(before);
    }

    @Test
    void periodicAndParameterizedJobsGetNoEvaluationAndAnswerIndexZero() {
        String periodic = batchJob("every-night", "1").replace("\"Type\"",
                "\"Periodic\": {\"Enabled\": true, \"SpecType\": \"cron\", \"Spec\": \"0 3 * * *\"}, \"Type\"");
        String parameterized = batchJob("on-demand", "1").replace("\"Type\"",
                "\"ParameterizedJob\": {\"Payload\": \"optional\"}, \"Type\"");
        for (String body : new String[] {periodic, parameterized}) {
            Answer reg = http.post("/v1/jobs", body);
            assertThat(reg.status()).as(body).isEqualTo(200);
            JsonNode r = reg.json();
            assertThat(r.get("EvalID").asText()).isEmpty();
            assertThat(r.get("EvalCreateIndex").asLong()).isZero();
            assertThat(r.get("Index").asLong()).as("Nomad's Index is the evaluation's; there is none").isZero();
            assertThat(reg.index()).isZero();
            String id = body.contains("every-night") ? "every-night" : "on-demand";
            JsonNode job = http.get("/v1/job/" + id).json();
            assertThat(r.get("JobModifyIndex").asLong()).isPositive().isEqualTo(job.get("JobModifyIndex").asLong());
            assertThat(http.get("/v1/job/" + id + "/evaluations").json().size()).isZero();

            Answer stop = http.delete("/v1/job/" + id);
            assertThat(stop.status()).isEqualTo(200);
            assertThat(stop.json().get("EvalID").asText()).isEmpty();
            assertThat(stop.json().get("Index").asLong()).isZero();
            assertThat(stop.json().get("JobModifyIndex").asLong()).isGreaterThan(r.get("JobModifyIndex").asLong());
        }
    }

    @Test
    void scalingTakesNomadsFormAndItsDocsFormAndShowsTheEvents() {
        String job = batchJob("scaled-docs", "1").replace("\"batch\"", "\"service\"");
        assertThat(http.post("/v1/jobs", job).status()).isEqualTo(200);

        // The docs' form: a Reason.
        Answer up = http.post("/v1/job/scaled-docs/scale",
                "{\"Count\": 3, \"Target\": {\"Group\": \"g\"}, \"Reason\": \"metric did not satisfy SLA\"}");
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().get("KnownLeader").asBoolean()).as("Nomad's Scale sets the leader's meta").isTrue();
        assertThat(up.json().get("LastContact").asLong()).isZero();
        JsonNode event = http.get("/v1/job/scaled-docs/scale").json().at("/TaskGroups/g/Events/0");
        assertThat(event.get("Message").asText()).isEqualTo("metric did not satisfy SLA");
        assertThat(event.get("Error").asBoolean()).isFalse();
        assertThat(event.get("Count").asInt()).isEqualTo(3);
        assertThat(event.get("EvalID").asText()).isEqualTo(up.json().get("EvalID").asText());
        JsonNode scaledJob = http.get("/v1/job/scaled-docs").json();
        assertThat(scaledJob.at("/TaskGroups/0/Count").asInt()).isEqualTo(3);

        // The docs' form of an error: a string, the error event's message; no count changes.
        Answer failed = http.post("/v1/job/scaled-docs/scale",
                "{\"Target\": {\"Group\": \"g\"}, \"Error\": \"metrics source unreachable\"}");
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().get("EvalID").asText()).isEmpty();
        assertThat(failed.json().get("Index").asLong()).isGreaterThan(up.json().get("Index").asLong());
        // 0.11.3's form: Error a bool, beside a Message.
        Answer flagged = http.post("/v1/job/scaled-docs/scale",
                "{\"Target\": {\"Group\": \"g\"}, \"Error\": true, \"Message\": \"no metrics\"}");
        assertThat(flagged.status()).as(flagged.body()).isEqualTo(200);
        Answer refused = http.post("/v1/job/scaled-docs/scale",
                "{\"Count\": 1, \"Target\": {\"Group\": \"g\"}, \"Error\": \"too slow\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("scaling action should not contain count if error is true");

        JsonNode events = http.get("/v1/job/scaled-docs/scale").json().at("/TaskGroups/g/Events");
        assertThat(events).hasSize(3);
        assertThat(events.get(0).get("Message").asText()).isEqualTo("no metrics");
        assertThat(events.get(0).get("Error").asBoolean()).isTrue();
        assertThat(events.get(1).get("Message").asText()).isEqualTo("metrics source unreachable");
        assertThat(events.get(1).get("Error").asBoolean()).isTrue();
        assertThat(events.get(1).get("Count").isNull()).isTrue();
        JsonNode after = http.get("/v1/job/scaled-docs").json();
        assertThat(after.at("/TaskGroups/0/Count").asInt()).as("error events change no count").isEqualTo(3);
        assertThat(after.get("Version").asLong()).isEqualTo(scaledJob.get("Version").asLong());
    }

    /**
     * Deliberately not Nomad's 500s (README, "Where Drover deliberately differs"): an unknown job
     * on a write endpoint, and an allocation or evaluation asked for by a prefix, are 404s with
     * Nomad's text, and nothing is written.
     */
    @Test
    void unknownJobsOnWriteEndpointsAndShortIdsAre404s() {
        long before = http.get("/v1/jobs").index();
        long evalsBefore = http.get("/v1/evaluations").index();

        assertError(http.post("/v1/job/ghost/evaluate", ""), 404, "job not found");
        assertError(http.post("/v1/job/ghost/revert", "{\"JobID\": \"ghost\", \"JobVersion\": 1}"), 404,
                "job \"ghost\" not found");
        assertError(http.post("/v1/job/ghost/stable", "{\"JobID\": \"ghost\", \"JobVersion\": 0, \"Stable\": true}"),
                404, "job \"ghost\" in namespace \"default\" at version 0 not found");
        assertError(http.post("/v1/job/ghost/periodic/force", ""), 404, "job not found");
        assertError(http.post("/v1/job/ghost/dispatch", "{}"), 404, "parameterized job not found");
        assertError(http.get("/v1/allocation/0123abcd"), 404, "alloc not found");
        assertError(http.get("/v1/evaluation/0123abcd"), 404, "eval not found");

        assertThat(http.get("/v1/jobs").index()).as("no job was written").isEqualTo(before);
        assertThat(http.get("/v1/evaluations").index()).as("no evaluation was written").isEqualTo(evalsBefore);
    }

    @Test
    void unknownJobsAnswerAsNomadDoes() {
        assertThat(http.get("/v1/job/ghost/allocations").json().size()).isZero();
        assertThat(http.get("/v1/job/ghost/evaluations").json().size()).isZero();
        assertThat(http.get("/v1/job/ghost/deployments").json().size()).isZero();
        assertThat(http.get("/v1/job/ghost/deployment").body()).isEqualTo("null");
        Answer dereg = http.delete("/v1/job/ghost");
        assertThat(dereg.status()).isEqualTo(200);
        assertThat(dereg.json().get("EvalID").asText()).isNotEmpty();
    }

    @Test
    void blockingQueryParksUntilAWriteAndReturnsAtOnceForPastIndexes() throws Exception {
        long index = http.get("/v1/jobs").index();
        long started = System.nanoTime();
        Answer past = http.get("/v1/jobs?index=1&wait=5s");
        assertThat(past.status()).isEqualTo(200);
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(3));

        CompletableFuture<Answer> parked = CompletableFuture.supplyAsync(
                () -> http.get("/v1/jobs?index=" + index + "&wait=30s"));
        Thread.sleep(300);
        assertThat(parked).isNotDone();
        long written = http.post("/v1/jobs", batchJob("wakes", "1")).json().get("Index").asLong();
        Answer woken = parked.get(10, TimeUnit.SECONDS);
        assertThat(woken.index()).isGreaterThanOrEqualTo(written);
        assertThat(woken.json().findValuesAsText("ID")).contains("wakes");

        long now = http.get("/v1/jobs").index();
        started = System.nanoTime();
        Answer timedOut = http.get("/v1/jobs?index=" + now + "&wait=300ms");
        assertThat(timedOut.index()).isEqualTo(now);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aRetriedWriteWithTheSameIdempotencyKeyIsAppliedOnce() {
        JsonNode first = http.register(batchJob("idem", "1"), "retry-key-1", Duration.ofSeconds(60)).json();
        JsonNode second = http.register(batchJob("idem", "1"), "retry-key-1", Duration.ofSeconds(60)).json();
        assertThat(second.get("EvalID").asText()).isEqualTo(first.get("EvalID").asText());
        assertThat(second.get("Index").asLong()).isEqualTo(first.get("Index").asLong());
        assertThat(http.get("/v1/job/idem/evaluations").json().size()).isEqualTo(1);
    }

    @Test
    void statusAgentAndRaftConfigurationIdentifyTheServer() {
        String raftAddress = agent.config().raftAddress();
        assertThat(http.get("/v1/status/leader").body()).isEqualTo("\"" + raftAddress + "\"");
        assertThat(http.get("/v1/status/peers").json().get(0).asText()).isEqualTo(raftAddress);
        JsonNode self = http.get("/v1/agent/self").json();
        assertThat(self.get("config").get("Region").asText()).isEqualTo("global");
        assertThat(self.get("member").get("Name").asText()).startsWith("test-dev");
        JsonNode raft = http.get("/v1/operator/raft/configuration").json();
        JsonNode server = raft.get("Servers").get(0);
        assertThat(server.get("Address").asText()).isEqualTo(raftAddress);
        assertThat(server.get("Leader").asBoolean()).isTrue();
        assertThat(server.get("Voter").asBoolean()).isTrue();
    }

    @Test
    void staleAndConsistentReadsAnswerOnTheLeader() {
        http.post("/v1/jobs", batchJob("consistency", "1"));
        Answer stale = http.get("/v1/job/consistency?stale");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.header("X-Nomad-KnownLeader")).isEqualTo("true");
        Answer consistent = http.get("/v1/job/consistency?consistent");
        assertThat(consistent.status()).isEqualTo(200);
        assertThat(consistent.index()).isEqualTo(stale.index());
    }

    private static void assertError(Answer a, int status, String body) {
        assertThat(a.status()).as(body).isEqualTo(status);
        assertThat(a.body()).isEqualTo(body);
    }
}
