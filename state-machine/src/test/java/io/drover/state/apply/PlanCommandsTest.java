package io.drover.state.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.proto.raft.PlanJobRef;
import io.drover.proto.raft.PlanResultsCommand;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Raft command a plan's commit becomes, from what the plan evaluator accepted. */
class PlanCommandsTest {
    private final Job job = job();

    private static Job job() {
        Job j = new Job();
        j.namespace = Job.DEFAULT_NAMESPACE;
        j.id = "web";
        j.version = 3L;
        j.jobModifyIndex = 42L;
        return j;
    }

    private Allocation alloc(String nodeId, String clientStatus) {
        Allocation a = new Allocation();
        a.id = UUID.randomUUID().toString();
        a.nodeId = nodeId;
        a.namespace = job.namespace;
        a.jobId = job.id;
        a.job = job;
        a.taskGroup = "web";
        a.desiredStatus = Allocation.DESIRED_RUN;
        a.clientStatus = clientStatus;
        return a;
    }

    /** What the evaluator answers when every node of the plan is accepted: all of it. */
    private static PlanResult everythingAccepted(Plan plan) {
        PlanResult result = new PlanResult();
        result.nodeUpdate = new LinkedHashMap<>(plan.nodeUpdate);
        result.nodeAllocation = new LinkedHashMap<>(plan.nodeAllocation);
        result.nodePreemptions = new LinkedHashMap<>(plan.nodePreemptions);
        return result;
    }

    @Test
    void commandCarriesPlacementsWithTheirJobAndStops() {
        Allocation old = alloc("node-1", Allocation.CLIENT_RUNNING);
        Plan plan = new Plan();
        plan.evalId = UUID.randomUUID().toString();
        plan.job = job;
        plan.appendStoppedAlloc(old, "alloc not needed", "", "follow-up-eval", Instant.EPOCH);
        Allocation placed = alloc("node-1", Allocation.CLIENT_PENDING);
        plan.appendAlloc(placed);
        PlanResult result = everythingAccepted(plan);

        PlanResultsCommand cmd = PlanCommands.toCommand(plan, result, 1234L);
        assertThat(cmd.getEvalId()).isEqualTo(plan.evalId);
        assertThat(cmd.getStoppedList()).singleElement().satisfies(s -> {
            assertThat(s.getAllocId()).isEqualTo(old.id);
            assertThat(s.getDesiredDescription()).isEqualTo("alloc not needed");
            assertThat(s.getModifyTime()).isEqualTo(1234L);
            assertThat(s.getFollowupEvalId()).isEqualTo("follow-up-eval");
        });
        Allocation decoded = NomadJson.read(cmd.getAllocJson(0).toByteArray(), Allocation.class);
        assertThat(decoded.id).isEqualTo(placed.id);
        assertThat(decoded.job).as("the applier attaches the plan's job").isNull();
        assertThat(cmd.getJob()).as("the plan's job, by reference").isEqualTo(PlanJobRef.newBuilder()
                .setNamespace(job.namespace).setJobId(job.id).setVersion(job.version)
                .setJobModifyIndex(job.jobModifyIndex).build());
        assertThat(decoded.createTime).isEqualTo(1234L);
        assertThat(placed.job).as("the plan is not changed").isNull();
    }
}
