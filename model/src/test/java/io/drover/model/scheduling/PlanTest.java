package io.drover.model.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.Jobs;
import io.drover.model.Resources;
import io.drover.model.alloc.AllocState;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.node.Nodes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plans, plan results and deployments (cases from Nomad's structs_test.go). */
class PlanTest {
    private static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");

    private static Allocation mockAlloc(String id) {
        Allocation a = Nodes.alloc(id, 500, 256, 150);
        a.nodeId = "node-1";
        a.namespace = Job.DEFAULT_NAMESPACE;
        a.jobId = "job-1";
        a.job = Jobs.service();
        a.taskGroup = "web";
        a.clientStatus = Allocation.CLIENT_RUNNING;
        a.resources = new Resources();
        return a;
    }

    @Test
    void appendStoppedAllocStopsACopyAndMovesTheJobToThePlan() {
        Plan plan = new Plan();
        Allocation alloc = mockAlloc("a1");

        plan.appendStoppedAlloc(alloc, "Desired desc", Allocation.CLIENT_LOST, "", NOW);

        Allocation stopped = plan.nodeUpdate.get("node-1").get(0);
        assertThat(stopped).isNotSameAs(alloc);
        assertThat(stopped.desiredStatus).isEqualTo(Allocation.DESIRED_STOP);
        assertThat(stopped.desiredDescription).isEqualTo("Desired desc");
        assertThat(stopped.clientStatus).isEqualTo(Allocation.CLIENT_LOST);
        assertThat(stopped.job).isNull();
        assertThat(stopped.resources).isNull();
        assertThat(stopped.allocatedResources).isSameAs(alloc.allocatedResources);
        assertThat(stopped.allocStates).singleElement().satisfies(s -> {
            assertThat(s.field).isEqualTo(AllocState.FIELD_CLIENT_STATUS);
            assertThat(s.value).isEqualTo("lost");
            assertThat(s.time).isEqualTo("2026-11-22T05:00:00Z");
        });
        assertThat(plan.job).isSameAs(alloc.job);
        assertThat(alloc.desiredStatus).as("the original is untouched").isEqualTo(Allocation.DESIRED_RUN);
        assertThat(alloc.allocStates).isNull();
    }

    @Test
    void appendPreemptedAllocKeepsWhatTheApplierNeeds() {
        Plan plan = new Plan();
        Allocation alloc = mockAlloc("a1");

        plan.appendPreemptedAlloc(alloc, "preempter");

        Allocation evicted = plan.nodePreemptions.get("node-1").get(0);
        assertThat(evicted.id).isEqualTo("a1");
        assertThat(evicted.jobId).isEqualTo("job-1");
        assertThat(evicted.namespace).isEqualTo("default");
        assertThat(evicted.desiredStatus).isEqualTo(Allocation.DESIRED_EVICT);
        assertThat(evicted.desiredDescription).isEqualTo("Preempted by alloc ID preempter");
        assertThat(evicted.preemptedByAllocation).isEqualTo("preempter");
        assertThat(evicted.allocatedResources).isSameAs(alloc.allocatedResources);
        assertThat(evicted.job).isNull();
    }

    @Test
    void normalizeAllocationsKeepsOnlyWhatStateCannotTell() {
        Plan plan = new Plan();
        Allocation stopped = mockAlloc("s");
        plan.appendStoppedAlloc(stopped, "Desired desc", Allocation.CLIENT_LOST, "followup-eval-id", NOW);
        plan.appendPreemptedAlloc(mockAlloc("p"), "preempter");

        plan.normalizeAllocations();

        assertThat(new String(NomadJson.write(plan.nodeUpdate.get("node-1").get(0)))).isEqualTo(
                "{\"ID\":\"s\",\"DesiredDescription\":\"Desired desc\",\"ClientStatus\":\"lost\","
                        + "\"FollowupEvalID\":\"followup-eval-id\"}");
        assertThat(new String(NomadJson.write(plan.nodePreemptions.get("node-1").get(0))))
                .isEqualTo("{\"ID\":\"p\",\"PreemptedByAllocation\":\"preempter\"}");
    }

    @Test
    void popUpdateRemovesOnlyTheLastAppended() {
        Plan plan = new Plan();
        Allocation a = mockAlloc("a");
        Allocation b = mockAlloc("b");
        plan.appendStoppedAlloc(a, "", "", "", NOW);
        plan.appendStoppedAlloc(b, "", "", "", NOW);

        plan.popUpdate(a);
        assertThat(plan.nodeUpdate.get("node-1")).hasSize(2);
        plan.popUpdate(b);
        plan.popUpdate(a);
        assertThat(plan.nodeUpdate).isEmpty();
        assertThat(plan.isNoOp()).isTrue();
    }

    @Test
    void planResultCountsCommittedPlacements() {
        Plan plan = new Plan();
        Allocation a = mockAlloc("a");
        Allocation b = mockAlloc("b");
        plan.appendAlloc(a);
        plan.appendAlloc(b);
        assertThat(a.job).as("the plan carries the job once").isNull();
        assertThat(plan.isNoOp()).isFalse();

        PlanResult partial = new PlanResult();
        partial.nodeAllocation = new LinkedHashMap<>();
        partial.nodeAllocation.put("node-1", List.of(a));
        assertThat(partial.fullCommit(plan)).isEqualTo(new PlanResult.Commit(false, 2, 1));
        assertThat(partial.isNoOp()).isFalse();

        PlanResult full = new PlanResult();
        full.nodeAllocation = plan.nodeAllocation;
        assertThat(full.fullCommit(plan)).isEqualTo(new PlanResult.Commit(true, 2, 2));
        assertThat(new PlanResult().isNoOp()).isTrue();
    }

    @Test
    void anEmptyPlanWritesOnlyWhatIsSet() {
        Plan plan = new Plan();
        plan.evalId = "e1";
        plan.priority = 50;
        assertThat(new String(NomadJson.write(plan))).isEqualTo("{\"EvalID\":\"e1\",\"Priority\":50}");
    }

    @Test
    void deploymentFromAJob() {
        Job job = Jobs.service();
        job.namespace = "default";
        job.version = 3L;
        job.modifyIndex = 70L;
        job.jobModifyIndex = 60L;
        job.createIndex = 50L;

        Deployment d = Deployment.of(job, "d1");

        assertThat(d.jobVersion).isEqualTo(3);
        assertThat(d.jobModifyIndex).isEqualTo(70);
        assertThat(d.jobSpecModifyIndex).isEqualTo(60);
        assertThat(d.jobCreateIndex).isEqualTo(50);
        assertThat(d.status).isEqualTo(Deployment.STATUS_RUNNING);
        assertThat(d.statusDescription).isEqualTo("Deployment is running");
        assertThat(d.active()).isTrue();
        assertThat(d.hasAutoPromote()).as("no groups").isFalse();

        DeploymentState web = new DeploymentState();
        web.desiredCanaries = 1;
        web.autoPromote = true;
        d.taskGroups.put("web", web);
        assertThat(d.requiresPromotion()).isTrue();
        assertThat(d.hasAutoPromote()).isTrue();
        assertThat(d.hasPlacedCanaries()).isFalse();
        web.placedCanaries = List.of("a1");
        web.promoted = true;
        assertThat(d.hasPlacedCanaries()).isTrue();
        assertThat(d.requiresPromotion()).isFalse();

        d.status = Deployment.STATUS_SUCCESSFUL;
        assertThat(d.active()).isFalse();
        assertThat(d.copy().taskGroups.get("web")).isNotSameAs(web);
        assertThat(Deployment.descriptionRollback(Deployment.DESCRIPTION_FAILED_ALLOCATIONS, 2))
                .isEqualTo("Failed due to unhealthy allocations - rolling back to job version 2");
    }

    @Test
    void desiredUpdatesPrintAsNomadLogsThem() {
        DesiredUpdates u = new DesiredUpdates();
        u.place = 3L;
        u.ignore = 1L;
        assertThat(u).hasToString("(place 3) (inplace 0) (destructive 0) (stop 0) (migrate 0) (ignore 1) (canary 0)");
    }
}
