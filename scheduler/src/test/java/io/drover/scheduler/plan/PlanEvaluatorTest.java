package io.drover.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Job;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.scheduler.Mocks;
import io.drover.scheduler.memory.MemoryState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanEvaluatorTest {
    private final MemoryState state = new MemoryState();
    private final Map<String, String> refusals = new LinkedHashMap<>();
    private final PlanEvaluator evaluator = new PlanEvaluator(refusals::put);
    private final Job job = Mocks.job();

    private Plan plan() {
        Plan p = new Plan();
        p.evalId = Mocks.uuid();
        p.job = job;
        return p;
    }

    private Allocation placement(Node node, long memoryMb) {
        Allocation a = Mocks.allocFor(job, node, 500, memoryMb, 150);
        a.clientStatus = Allocation.CLIENT_PENDING;
        return a;
    }

    @Test
    void overCommittedNodeIsRefusedOthersKeptAndRefreshIndexSet() {
        Node full = Mocks.node();
        Node free = Mocks.node();
        state.upsertNodes(List.of(full, free)).upsertJob(job).upsertAlloc(Mocks.allocFor(job, full, 500, 7000, 150));
        Plan plan = plan();
        plan.appendAlloc(placement(full, 1000));
        plan.appendAlloc(placement(free, 1000));

        PlanResult result = evaluator.evaluate(state, plan);

        assertThat(result.nodeAllocation).containsOnlyKeys(free.id);
        assertThat(refusals).containsExactly(Map.entry(full.id, "memory"));
        assertThat(result.refreshIndex).isEqualTo(state.appliedIndex());
        assertThat(result.fullCommit(plan).full()).isFalse();
    }

    @Test
    void fullCommitHasNoRefreshIndex() {
        Node node = Mocks.node();
        state.upsertNode(node).upsertJob(job);
        Plan plan = plan();
        plan.appendAlloc(placement(node, 1000));
        PlanResult result = evaluator.evaluate(state, plan);
        assertThat(result.refreshIndex).isZero();
        assertThat(result.fullCommit(plan).full()).isTrue();
    }

    @Test
    void allAtOnceIsAllOrNothing() {
        Node full = Mocks.node();
        Node free = Mocks.node();
        state.upsertNodes(List.of(full, free)).upsertJob(job).upsertAlloc(Mocks.allocFor(job, full, 500, 7000, 150));
        Plan plan = plan();
        plan.allAtOnce = true;
        plan.appendAlloc(placement(free, 1000));
        plan.appendAlloc(placement(full, 1000));

        PlanResult result = evaluator.evaluate(state, plan);
        assertThat(result.nodeAllocation).isNull();
        assertThat(result.nodeUpdate).isNull();
        assertThat(result.refreshIndex).isPositive();
    }

    @Test
    void placementsOnUnusableNodesAreRefusedWithNomadsReasons() {
        Node down = Mocks.node();
        down.status = Node.STATUS_DOWN;
        Node draining = Mocks.node();
        draining.drain = true;
        Node ineligible = Mocks.node();
        ineligible.schedulingEligibility = Node.INELIGIBLE;
        state.upsertNodes(List.of(down, draining, ineligible)).upsertJob(job);
        Plan plan = plan();
        Node missing = Mocks.node();
        for (Node n : List.of(down, draining, ineligible, missing)) {
            plan.appendAlloc(placement(n, 100));
        }
        evaluator.evaluate(state, plan);
        assertThat(refusals).containsExactly(
                Map.entry(down.id, "node is not ready for placements"),
                Map.entry(draining.id, "node is draining"),
                Map.entry(ineligible.id, "node is not eligible for draining"),
                Map.entry(missing.id, "node does not exist"));
    }

    @Test
    void stopsFreeRoomAndAreAlwaysAllowed() {
        Node node = Mocks.node();
        Node down = Mocks.node();
        down.status = Node.STATUS_DOWN;
        Allocation big = Mocks.allocFor(job, node, 500, 7000, 150);
        Allocation lost = Mocks.allocFor(job, down, 500, 100, 150);
        state.upsertNodes(List.of(node, down)).upsertJob(job).upsertAlloc(big).upsertAlloc(lost);
        Plan plan = plan();
        plan.appendStoppedAlloc(big, "alloc is being updated", "", "", Instant.EPOCH);
        plan.appendStoppedAlloc(lost, "alloc is lost since its node is down", Allocation.CLIENT_LOST, "", Instant.EPOCH);
        plan.appendAlloc(placement(node, 7000));
        plan.normalizeAllocations();

        PlanResult result = evaluator.evaluate(state, plan);
        assertThat(refusals).isEmpty();
        assertThat(result.nodeAllocation).containsOnlyKeys(node.id);
        assertThat(result.nodeUpdate.get(down.id)).singleElement().satisfies(a -> {
            assertThat(a.desiredStatus).isEqualTo(Allocation.DESIRED_STOP);
            assertThat(a.clientStatus).isEqualTo(Allocation.CLIENT_LOST);
            assertThat(a.jobId).isEqualTo(job.id);
        });
    }

    @Test
    void portCollisionWithAnExistingAllocationIsRefused() {
        Node node = Mocks.node();
        Allocation existing = Mocks.alloc();
        existing.nodeId = node.id;
        state.upsertNode(node).upsertAlloc(existing);
        Allocation clash = Mocks.alloc();
        clash.nodeId = node.id;
        Plan plan = plan();
        plan.appendAlloc(clash);
        evaluator.evaluate(state, plan);
        assertThat(refusals).containsExactly(Map.entry(node.id, "reserved port collision"));
    }

    @Test
    void stoppingAnUnknownAllocationFailsTheWholePlan() {
        Plan plan = plan();
        Allocation ghost = Mocks.alloc();
        plan.nodeUpdate.put(ghost.nodeId, new ArrayList<>(List.of(ghost)));
        assertThatThrownBy(() -> evaluator.evaluate(state, plan))
                .isInstanceOf(PlanEvaluationException.class)
                .hasMessage("alloc " + ghost.id + " doesn't exist");
    }
}
