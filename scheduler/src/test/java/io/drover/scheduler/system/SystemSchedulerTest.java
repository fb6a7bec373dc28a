package io.drover.scheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.scheduler.Descriptions;
import io.drover.scheduler.EvalTriggers;
import io.drover.scheduler.Fixtures;
import io.drover.scheduler.Harness;
import io.drover.scheduler.StackFactory;
import io.drover.scheduler.StoreState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The system scheduler end to end: real stacks, the Harness as planner and applier on a real store. */
class SystemSchedulerTest {
    @TempDir
    Path dir;
    private StoreState state;
    private Harness harness;
    private final io.drover.scheduler.SchedulerEnv env = Fixtures.env();
    private int evals;

    @BeforeEach
    void open() {
        state = new StoreState(dir);
        harness = new Harness(state);
    }

    @AfterEach
    void close() {
        state.close();
    }

    private void process(Job job, String trigger) throws Exception {
        Evaluation eval = Fixtures.eval("eval-" + (++evals), job, trigger);
        state.upsertEval(eval);
        new SystemScheduler(state.snapshot(), harness, env, StackFactory.NOMAD).process(eval);
    }

    private List<Allocation> live() {
        return state.allocationsOfJob("default", "sys", true).stream().filter(a -> !a.terminalStatus()).toList();
    }

    @Test
    void placesOneAllocationPerReadyNode() throws Exception {
        Fixtures.nodes(5).forEach(state::upsertNode);
        Node ineligible = Fixtures.node("node-x");
        ineligible.schedulingEligibility = Node.INELIGIBLE;
        state.upsertNode(ineligible);
        Job job = Fixtures.system("sys");
        state.upsertJob(job);

        process(job, EvalTriggers.JOB_REGISTER);

        assertThat(live()).hasSize(5).extracting(a -> a.nodeId).doesNotHaveDuplicates().doesNotContain("node-x");
        assertThat(live()).extracting(a -> a.name).containsOnly("sys.web[0]");
        assertThat(harness.evals.get(0).status).isEqualTo(Evaluation.STATUS_COMPLETE);
        assertThat(harness.evals.get(0).queuedAllocations).containsEntry("web", 0);
    }

    @Test
    void aNewNodeGetsItsAllocation() throws Exception {
        Fixtures.nodes(2).forEach(state::upsertNode);
        Job job = Fixtures.system("sys");
        state.upsertJob(job);
        process(job, EvalTriggers.JOB_REGISTER);
        state.upsertNode(Fixtures.node("node-new"));

        process(job, EvalTriggers.NODE_UPDATE);

        assertThat(harness.plans.get(1).nodeAllocation).containsOnlyKeys("node-new");
        assertThat(live()).hasSize(3);
    }

    @Test
    void aDownNodesAllocationIsLost() throws Exception {
        Fixtures.nodes(3).forEach(state::upsertNode);
        Job job = Fixtures.system("sys");
        state.upsertJob(job);
        process(job, EvalTriggers.JOB_REGISTER);
        state.updateNodeStatus("node-0001", Node.STATUS_DOWN);

        process(job, EvalTriggers.NODE_UPDATE);

        Allocation lost = state.allocationsOfNode("node-0001").get(0);
        assertThat(lost.desiredStatus).isEqualTo(Allocation.DESIRED_STOP);
        assertThat(lost.clientStatus).isEqualTo(Allocation.CLIENT_LOST);
        assertThat(lost.desiredDescription).isEqualTo(Descriptions.ALLOC_LOST);
        assertThat(live()).hasSize(2);
    }

    @Test
    void nodesFailingConstraintsAreSkippedQuietlyFullNodesAreReported() throws Exception {
        Node windows = Fixtures.node("win");
        windows.attributes.put("kernel.name", "windows");
        windows.computeClass();
        state.upsertNode(windows);
        state.upsertNode(Fixtures.node("tiny", "dc1", 150, 8192));
        state.upsertNode(Fixtures.node("big"));
        Job job = Fixtures.system("sys");
        job.taskGroups.get(0).tasks.get(0).resources.cpu = 500;
        job.constraints = new ArrayList<>(List.of(Fixtures.constraint("${attr.kernel.name}", "=", "linux")));
        state.upsertJob(job);

        process(job, EvalTriggers.JOB_REGISTER);

        assertThat(live()).extracting(a -> a.nodeId).containsExactly("big");
        Evaluation done = harness.evals.get(0);
        assertThat(done.failedTgAllocs.get("web").dimensionExhausted).containsEntry("cpu", 1);
        assertThat(done.queuedAllocations).containsEntry("web", 1);
        assertThat(harness.createdEvals).singleElement().satisfies(e -> {
            assertThat(e.status).isEqualTo(Evaluation.STATUS_BLOCKED);
            assertThat(e.nodeId).isEqualTo("tiny");
        });
    }

    @Test
    void jobChangeUpdatesEveryNodeAtOnce() throws Exception {
        Fixtures.nodes(3).forEach(state::upsertNode);
        Job job = Fixtures.system("sys");
        state.upsertJob(job);
        process(job, EvalTriggers.JOB_REGISTER);
        Job changed = Fixtures.system("sys");
        changed.taskGroups.get(0).tasks.get(0).config.put("command", "/bin/ls");
        state.upsertJob(changed);

        process(changed, EvalTriggers.JOB_REGISTER);

        assertThat(harness.plans.get(1).nodeUpdate.values().stream().flatMap(List::stream))
                .hasSize(3).allSatisfy(a -> assertThat(a.desiredDescription).isEqualTo(Descriptions.ALLOC_UPDATING));
        assertThat(live()).hasSize(3).allSatisfy(a -> assertThat(a.job.jobModifyIndex).isEqualTo(changed.jobModifyIndex));
    }

    @Test
    void stoppedJobStopsEverywhere() throws Exception {
        Fixtures.nodes(2).forEach(state::upsertNode);
        Job job = Fixtures.system("sys");
        state.upsertJob(job);
        process(job, EvalTriggers.JOB_REGISTER);
        Job stopped = Fixtures.system("sys");
        stopped.stop = true;
        state.upsertJob(stopped);

        process(stopped, EvalTriggers.JOB_DEREGISTER);

        assertThat(live()).isEmpty();
    }
}
