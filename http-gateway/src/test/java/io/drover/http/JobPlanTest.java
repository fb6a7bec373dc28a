package io.drover.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.http.testing.FakeCluster;
import io.drover.http.testing.GatewayHarness;
import io.drover.http.testing.Jobs;
import io.drover.http.testing.Reference;
import io.drover.model.Job;
import io.drover.model.alloc.AllocMetric;
import io.drover.model.scheduling.DesiredUpdates;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.PlanAnnotations;
import io.drover.model.validate.JobWarnings;
import io.drover.testkit.http.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/job/:id/plan}: checked as a register, planned by the planner, diffed and answered as Nomad. */
class JobPlanTest {
    /** The body of reference 056: the stored sleep-batch job with its argument changed from 5 to 6. */
    private static final String PLAN_DIFF_BODY = Jobs.registerBody("sleep-batch").replace("\"5\"", "\"6\"")
            .replaceFirst("}$", ", \"Diff\": true}");

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    private static PlanAnnotations annotations(String group, DesiredUpdates updates) {
        PlanAnnotations a = new PlanAnnotations();
        a.desiredTgUpdates = Map.of(group, updates);
        return a;
    }

    /** Registers sleep-batch so that its JobModifyIndex is 10, as in the recording. */
    private long storeSleepBatch() {
        h.store.skipTo(9);
        return h.store.upsertJob(Jobs.batch("sleep-batch"));
    }

    @Test
    void aPlanWithDiffAnswersExactlyAsNomad() {
        long index = storeSleepBatch();
        h.planner.answer(new PlanOutcome(annotations("g", DesiredUpdates.none().withIgnore(1).withPlace(1)), null,
                null, index, null));

        Answer a = h.post("/v1/job/sleep-batch/plan", PLAN_DIFF_BODY);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).isEqualTo(Reference.json("056_job_plan_diff"));
        assertThat(a.header("X-Nomad-Index")).isEqualTo("10");
        assertThat(a.header("X-Nomad-KnownLeader")).as("a plan sets only the index, as Nomad's").isNull();
        assertThat(h.cluster.writes).as("a plan changes nothing").isEmpty();
    }

    @Test
    void thePlannerSeesTheJobAsARegisterWouldStoreIt() {
        storeSleepBatch();

        h.post("/v1/job/sleep-batch/plan", PLAN_DIFF_BODY);

        Job planned = h.planner.lastCall().job();
        assertThat(planned.namespace).isEqualTo("default");
        assertThat(planned.region).isEqualTo("global");
        assertThat(planned.priority).isEqualTo(50);
        assertThat(planned.taskGroups.get(0).restartPolicy).as("defaults filled in").isNotNull();
        assertThat(h.planner.lastCall().stateIndex()).isEqualTo(10);
    }

    @Test
    void withoutDiffTheAnswerHasNoneAndANewJobPlansAtIndexZero() {
        Answer a = h.post("/v1/job/new-job/plan", Jobs.registerBody("new-job"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("Diff").isNull()).isTrue();
        assertThat(a.json().get("JobModifyIndex").asLong()).isZero();
        assertThat(a.json().get("Index").asLong()).isZero();
        assertThat(a.header("X-Nomad-Index")).isEqualTo("0");
    }

    @Test
    void aNewJobsDiffIsAddedAndAnnotatedWithThePlacements() {
        h.planner.answer(new PlanOutcome(annotations("g", DesiredUpdates.none().withPlace(1)), null, null, 0, null));

        Answer a = h.post("/v1/job/new-job/plan",
                Jobs.registerBody("new-job").replaceFirst("}$", ", \"Diff\": true}"));

        assertThat(a.json().at("/Diff/Type").asText()).isEqualTo("Added");
        assertThat(a.json().at("/Diff/TaskGroups/0/Type").asText()).isEqualTo("Added");
        assertThat(a.json().at("/Diff/TaskGroups/0/Updates/create").asLong()).isEqualTo(1);
    }

    @Test
    void failuresCreatedEvalsAndTheNextLaunchComeFromThePlanner() {
        AllocMetric metric = new AllocMetric();
        metric.nodesEvaluated = 1;
        metric.nodesExhausted = 1;
        Evaluation blocked = Jobs.eval("blocked-eval", "sleep-batch");
        blocked.status = Evaluation.STATUS_BLOCKED;
        h.planner.answer(new PlanOutcome(null, Map.of("g", metric), List.of(blocked), 0,
                "2026-11-22T05:00:00Z"));

        Answer a = h.post("/v1/job/sleep-batch/plan", Jobs.registerBody("sleep-batch"));

        assertThat(a.json().at("/FailedTGAllocs/g/NodesExhausted").asInt()).isEqualTo(1);
        assertThat(a.json().at("/CreatedEvals/0/ID").asText()).isEqualTo("blocked-eval");
        assertThat(a.json().get("NextPeriodicLaunch").asText()).isEqualTo("2026-11-22T05:00:00Z");
        assertThat(a.json().get("Annotations").isNull()).isTrue();
    }

    @Test
    void warningsAreTheJobsOwn() {
        String body = Jobs.registerBody("sleep-batch").replace("\"MemoryMB\": 32", "\"MemoryMB\": 32, \"IOPS\": 5");

        Answer a = h.post("/v1/job/sleep-batch/plan", body);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("Warnings").asText()).isEqualTo(JobWarnings.format(h.planner.lastCall().job()))
                .contains("IOPS has been deprecated");
    }

    @Test
    void badBodiesAreRefusedWithNomadsPlanMessages() {
        assertBadRequest("", "EOF");
        assertBadRequest("{}", "Job must be specified");
        assertBadRequest("{\"Job\": {\"Name\": \"x\"}}", "Job must have a valid ID");
        assertBadRequest(Jobs.registerBody("other"), "Job ID does not match");
        assertBadRequest("{\"Job\": {\"ID\": \"sleep-batch\"}, \"Diff\": \"yes\"}",
                "json: cannot unmarshal string into Go struct field JobPlanRequest.Diff of type bool");
        assertThat(h.planner.calls).isEmpty();
    }

    @Test
    void anInvalidJobIsRefusedWithTheSameMessageAsARegister() {
        String invalid = "{\"Job\": {\"ID\": \"sleep-batch\", \"Type\": \"batch\"}}";

        Answer plan = h.post("/v1/job/sleep-batch/plan", invalid);
        Answer register = h.post("/v1/job/sleep-batch", invalid);

        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.body()).isEqualTo(register.body()).contains("Missing job datacenters");
        assertThat(h.planner.calls).isEmpty();
    }

    @Test
    void aFollowerPlansAfterCatchingUpWithTheLeader() {
        h.cluster.status(FakeCluster.follower(20));

        Answer a = h.post("/v1/job/sleep-batch/plan", Jobs.registerBody("sleep-batch"));

        assertThat(a.status()).isEqualTo(200);
        assertThat(h.cluster.barriers.get()).isEqualTo(1);
        assertThat(h.planner.calls).hasSize(1);
    }

    @Test
    void aFollowerWithoutLeaderCannotPlan() {
        h.cluster.status(FakeCluster.leaderless()).barrierWithoutLeader();

        Answer a = h.post("/v1/job/sleep-batch/plan", Jobs.registerBody("sleep-batch"));

        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body()).isEqualTo("No cluster leader");
        assertThat(h.planner.calls).isEmpty();
    }

    @Test
    void aPlannerFailureIsA500WithItsMessage() {
        h.planner.answer((state, job) -> {
            throw new IllegalStateException("scheduler resulted in an unexpected number of plans: 2");
        });

        Answer a = h.post("/v1/job/sleep-batch/plan", Jobs.registerBody("sleep-batch"));

        assertThat(a.status()).isEqualTo(500);
        assertThat(a.body()).isEqualTo("scheduler resulted in an unexpected number of plans: 2");
    }

    private void assertBadRequest(String body, String message) {
        Answer a = h.post("/v1/job/sleep-batch/plan", body);

        assertThat(a.status()).as(body).isEqualTo(400);
        assertThat(a.body()).as(body).isEqualTo(message);
    }
}
