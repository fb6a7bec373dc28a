package io.drover.scheduler.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.Resources;
import io.drover.model.alloc.AllocMetric;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Evaluation;
import io.drover.scheduler.Descriptions;
import io.drover.scheduler.EvalTriggers;
import io.drover.scheduler.Fixtures;
import io.drover.scheduler.Harness;
import io.drover.scheduler.SchedulerEnv;
import io.drover.scheduler.StackFactory;
import io.drover.scheduler.StoreState;
import io.drover.state.apply.PlanCommands;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service and batch scheduler end to end: real stacks, the Harness as planner and applier on a real store. */
class GenericSchedulerTest {
    @TempDir
    Path dir;
    private StoreState state;
    private Harness harness;
    private final SchedulerEnv env = Fixtures.env();

    @BeforeEach
    void open() {
        state = new StoreState(dir);
        harness = new Harness(state);
    }

    @AfterEach
    void close() {
        state.close();
    }

    private void process(Evaluation eval) throws Exception {
        state.upsertEval(eval);
        new GenericScheduler(Job.TYPE_BATCH.equals(eval.type), state.snapshot(), harness, env, StackFactory.NOMAD)
                .process(eval);
    }

    private Job register(Job job) {
        state.upsertJob(job);
        return job;
    }

    @Test
    void placesACountOfTenOnTenNodes() throws Exception {
        Fixtures.nodes(10).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 10));

        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));

        assertThat(harness.plans).hasSize(1);
        List<Allocation> placed = harness.placed();
        assertThat(placed).extracting(a -> a.name).containsExactlyInAnyOrder("job.web[0]", "job.web[1]",
                "job.web[2]", "job.web[3]", "job.web[4]", "job.web[5]", "job.web[6]", "job.web[7]", "job.web[8]",
                "job.web[9]");
        assertThat(placed).allSatisfy(a -> {
            assertThat(a.evalId).isEqualTo("eval-1");
            assertThat(a.jobId).isEqualTo("job");
            assertThat(a.namespace).isEqualTo("default");
            assertThat(a.taskGroup).isEqualTo("web");
            assertThat(a.desiredStatus).isEqualTo(Allocation.DESIRED_RUN);
            assertThat(a.clientStatus).isEqualTo(Allocation.CLIENT_PENDING);
            assertThat(a.nodeName).isEqualTo("node-" + a.nodeId);
            assertThat(a.allocatedResources.tasks.get("web").cpu.cpuShares).isEqualTo(500L);
            assertThat(a.allocatedResources.shared.diskMb).isEqualTo(150L);
            assertThat(a.metrics.nodesAvailable).containsEntry("dc1", 10);
            assertThat(a.createTime).isEqualTo(a.modifyTime).isPositive();
        });
        assertThat(harness.createdEvals).isEmpty();
        Evaluation done = harness.evals.get(0);
        assertThat(done.status).isEqualTo(Evaluation.STATUS_COMPLETE);
        assertThat(done.queuedAllocations).containsEntry("web", 0);
        assertThat(done.failedTgAllocs).isNull();
    }

    @Test
    void placementsCarryThePre09PerTaskAndSharedResourcesWithEveryNumberSet() throws Exception {
        Fixtures.nodes(1).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 1));

        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));

        // As Nomad's scheduler writes them (recording 341): Go ints, so 0 where nothing is asked.
        Allocation a = harness.placed().get(0);
        Resources web = a.taskResources.get("web");
        assertThat(new Integer[] {web.cpu, web.memoryMb, web.diskMb, web.iops}).as("CPU, MemoryMB, DiskMB, IOPS")
                .containsExactly(500, 256, 0, 0);
        Resources shared = a.sharedResources;
        assertThat(new Integer[] {shared.cpu, shared.memoryMb, shared.diskMb, shared.iops})
                .as("CPU, MemoryMB, DiskMB, IOPS").containsExactly(0, 0, 150, 0);
        assertThat(a.resources).as("summed where the plan is stored").isNull();
    }

    @Test
    void sameEvaluationOnSameStatePlansTheSameNodes() throws Exception {
        Fixtures.nodes(20).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 5));
        Evaluation eval = Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER);
        eval.annotatePlan = true;
        Harness first = new Harness(state).refuseNodes(n -> true);
        new GenericScheduler(false, state.snapshot(), first, Fixtures.env(), StackFactory.NOMAD).process(eval);
        Harness second = new Harness(state).refuseNodes(n -> true);
        new GenericScheduler(false, state.snapshot(), second, Fixtures.env(), StackFactory.NOMAD).process(eval);

        assertThat(second.plans.get(0).nodeAllocation.keySet())
                .containsExactlyElementsOf(first.plans.get(0).nodeAllocation.keySet());
    }

    @Test
    void infeasibleConstraintReportsWhyAndBlocks() throws Exception {
        Fixtures.nodes(3).forEach(state::upsertNode);
        Job job = Fixtures.service("job", 4);
        job.constraints = new ArrayList<>(List.of(Fixtures.constraint("${attr.kernel.name}", "=", "windows")));
        register(job);

        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));

        assertThat(harness.plans).isEmpty();
        Evaluation done = harness.evals.get(0);
        assertThat(done.status).isEqualTo(Evaluation.STATUS_COMPLETE);
        AllocMetric metric = done.failedTgAllocs.get("web");
        assertThat(metric.nodesEvaluated).isEqualTo(3);
        assertThat(metric.nodesFiltered).isEqualTo(3);
        // The three nodes share a computed class: after the first, the class verdict filters them.
        assertThat(metric.constraintFiltered).containsEntry("${attr.kernel.name} = windows", 1);
        assertThat(metric.coalescedFailures).isEqualTo(3);
        assertThat(metric.nodesAvailable).containsEntry("dc1", 3);
        assertThat(done.queuedAllocations).containsEntry("web", 4);

        Evaluation blocked = harness.createdEvals.get(0);
        assertThat(blocked.status).isEqualTo(Evaluation.STATUS_BLOCKED);
        assertThat(blocked.triggeredBy).isEqualTo(EvalTriggers.QUEUED_ALLOCS);
        assertThat(blocked.previousEval).isEqualTo("eval-1");
        assertThat(blocked.statusDescription).isEqualTo(Descriptions.BLOCKED_EVAL_FAILED_PLACEMENTS);
        assertThat(blocked.escapedComputedClass).isFalse();
        assertThat(blocked.classEligibility).containsValue(false);
        assertThat(done.blockedEval).isEqualTo(blocked.id);
    }

    @Test
    void exhaustedNodesArePartlyPlacedAndTheRestQueued() throws Exception {
        state.upsertNode(Fixtures.node("small", "dc1", 1100, 8192));
        Job job = register(Fixtures.service("job", 3));

        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));

        assertThat(harness.placed()).hasSize(2);
        Evaluation done = harness.evals.get(0);
        assertThat(done.failedTgAllocs.get("web").dimensionExhausted).containsEntry("cpu", 1);
        assertThat(done.queuedAllocations).containsEntry("web", 1);
        assertThat(harness.createdEvals).singleElement()
                .satisfies(e -> assertThat(e.status).isEqualTo(Evaluation.STATUS_BLOCKED));
    }

    @Test
    void partialCommitIsRetriedOnTheRefreshedState() throws Exception {
        Fixtures.nodes(4).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 4));
        AtomicInteger submissions = new AtomicInteger();
        String[] refused = new String[1];
        harness.beforeApply(plan -> {
            if (submissions.incrementAndGet() == 1) {
                // The first plan loses one node between planning and applying.
                refused[0] = plan.nodeAllocation.keySet().iterator().next();
                state.updateNodeStatus(refused[0], Node.STATUS_DOWN);
            }
        });
        harness.refuseNodes(n -> n.equals(refused[0]) && submissions.get() == 1);

        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));

        assertThat(harness.plans).hasSize(2);
        List<Allocation> live = state.allocationsOfJob("default", "job", true);
        assertThat(live).hasSize(4).noneMatch(a -> a.nodeId.equals(refused[0]));
        assertThat(live).extracting(a -> a.name).doesNotHaveDuplicates();
        assertThat(harness.evals.get(0).status).isEqualTo(Evaluation.STATUS_COMPLETE);
        assertThat(harness.evals.get(0).queuedAllocations).containsEntry("web", 0);
    }

    @Test
    void noProgressAfterMaxAttemptsFailsTheEvaluation() throws Exception {
        Fixtures.nodes(2).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 2));
        harness.refuseNodes(n -> true);

        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));

        assertThat(harness.plans).hasSize(GenericScheduler.MAX_SERVICE_ATTEMPTS);
        Evaluation done = harness.evals.get(0);
        assertThat(done.status).isEqualTo(Evaluation.STATUS_FAILED);
        assertThat(done.statusDescription).isEqualTo("maximum attempts reached (5)");
        Evaluation blocked = harness.createdEvals.get(0);
        assertThat(blocked.triggeredBy).isEqualTo(EvalTriggers.MAX_PLANS);
        assertThat(blocked.statusDescription).isEqualTo(Descriptions.BLOCKED_EVAL_MAX_PLAN);
    }

    @Test
    void batchGivesUpAfterTwoAttempts() throws Exception {
        Fixtures.nodes(1).forEach(state::upsertNode);
        Job job = register(Fixtures.batch("job", 1));
        harness.refuseNodes(n -> true);

        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));

        assertThat(harness.plans).hasSize(GenericScheduler.MAX_BATCH_ATTEMPTS);
        assertThat(harness.evals.get(0).status).isEqualTo(Evaluation.STATUS_FAILED);
    }

    @Test
    void lostAllocationsOnADownNodeAreReplacedElsewhere() throws Exception {
        Fixtures.nodes(3).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 3));
        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));
        Allocation victim = state.allocationsOfJob("default", "job", true).get(0);
        Node down = state.node(victim.nodeId).orElseThrow();
        state.updateNodeStatus(down.id, Node.STATUS_DOWN);

        process(Fixtures.eval("eval-2", job, EvalTriggers.NODE_UPDATE));

        Allocation lost = state.allocation(victim.id).orElseThrow();
        assertThat(lost.desiredStatus).isEqualTo(Allocation.DESIRED_STOP);
        assertThat(lost.clientStatus).isEqualTo(Allocation.CLIENT_LOST);
        assertThat(lost.desiredDescription).isEqualTo(Descriptions.ALLOC_LOST);
        List<Allocation> live = state.allocationsOfJob("default", "job", true).stream()
                .filter(a -> !a.terminalStatus()).toList();
        assertThat(live).hasSize(3).noneMatch(a -> a.nodeId.equals(down.id));
        assertThat(live).extracting(a -> a.name).containsExactlyInAnyOrder("job.web[0]", "job.web[1]", "job.web[2]");
    }

    @Test
    void stoppedJobStopsItsAllocations() throws Exception {
        Fixtures.nodes(2).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 2));
        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));
        Job stopped = Fixtures.service("job", 2);
        stopped.stop = true;
        register(stopped);

        process(Fixtures.eval("eval-2", stopped, EvalTriggers.JOB_DEREGISTER));

        assertThat(state.allocationsOfJob("default", "job", true))
                .allSatisfy(a -> assertThat(a.desiredStatus).isEqualTo(Allocation.DESIRED_STOP));
        assertThat(harness.evals.get(1).queuedAllocations).containsEntry("web", 0);
    }

    @Test
    void unknownTriggerFailsTheEvaluation() throws Exception {
        Job job = register(Fixtures.service("job", 1));

        process(Fixtures.eval("eval-1", job, "bogus"));

        assertThat(harness.evals.get(0).status).isEqualTo(Evaluation.STATUS_FAILED);
        assertThat(harness.evals.get(0).statusDescription)
                .isEqualTo("scheduler cannot handle 'bogus' evaluation reason");
    }

    @Test
    void destructiveUpdateReplacesEveryAllocationAtOnce() throws Exception {
        Fixtures.nodes(4).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 3));
        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));
        Job changed = Fixtures.service("job", 3);
        changed.taskGroups.get(0).tasks.get(0).config.put("command", "/bin/ls");
        register(changed);

        process(Fixtures.eval("eval-2", changed, EvalTriggers.JOB_REGISTER));

        var plan = harness.plans.get(1);
        assertThat(plan.nodeUpdate.values().stream().flatMap(List::stream))
                .hasSize(3).allSatisfy(a -> assertThat(a.desiredDescription).isEqualTo(Descriptions.ALLOC_UPDATING));
        assertThat(plan.nodeAllocation.values().stream().flatMap(List::stream)).hasSize(3)
                .allSatisfy(a -> assertThat(a.previousAllocation).isNotEmpty());
    }

    @Test
    void inPlaceUpdateKeepsTheAllocation() throws Exception {
        Fixtures.nodes(2).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 2));
        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));
        List<String> before = state.allocationsOfJob("default", "job", true).stream().map(a -> a.id).toList();
        Job changed = Fixtures.service("job", 2);
        changed.meta = null;
        changed.priority = 60;
        register(changed);

        process(Fixtures.eval("eval-2", changed, EvalTriggers.JOB_REGISTER));

        var plan = harness.plans.get(1);
        assertThat(plan.nodeUpdate).isEmpty();
        assertThat(plan.nodeAllocation.values().stream().flatMap(List::stream)).extracting(a -> a.id)
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aCountChangeMovesTheRunningAllocationsToTheNewVersionInPlace() throws Exception {
        Fixtures.nodes(3).forEach(state::upsertNode);
        Job job = register(Fixtures.service("job", 2));
        process(Fixtures.eval("eval-1", job, EvalTriggers.JOB_REGISTER));
        List<String> before = state.allocationsOfJob("default", "job", true).stream().map(a -> a.id).toList();
        Job scaled = Fixtures.service("job", 3);
        register(scaled);

        process(Fixtures.eval("eval-2", scaled, EvalTriggers.JOB_REGISTER));

        var plan = harness.plans.get(1);
        assertThat(plan.nodeUpdate).isEmpty();
        List<Allocation> planned = plan.nodeAllocation.values().stream().flatMap(List::stream).toList();
        assertThat(planned).hasSize(3).allSatisfy(a -> {
            assertThat(a.evalId).isEqualTo("eval-2");
            assertThat(a.job).as("planned without a job: the plan's is attached").isNull();
        });
        assertThat(planned).extracting(a -> a.id).containsAll(before);
        // Only the new placement was queued: the in-place updates are no placements.
        assertThat(harness.evals.get(1).queuedAllocations).containsEntry("web", 0);
        assertThat(state.jobSummary("default", "job").orElseThrow().summary.get("web").queued).isZero();
        // What the plan's commit carries: the version its allocations move to.
        var command = PlanCommands.toCommand(plan, harness.results.get(1));
        assertThat(command.getJob().getVersion()).isEqualTo(1);
        assertThat(command.getJob().getJobModifyIndex()).isEqualTo(scaled.jobModifyIndex);
        for (String id : before) {
            Allocation updated = state.allocation(id).orElseThrow();
            assertThat(updated.job.version).isEqualTo(1);
            assertThat(updated.job.taskGroups.get(0).count).isEqualTo(3);
            assertThat(updated.allocModifyIndex).isEqualTo(updated.modifyIndex).isGreaterThan(updated.createIndex);
        }
    }
}
