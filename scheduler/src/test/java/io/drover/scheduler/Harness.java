package io.drover.scheduler;

import io.drover.model.alloc.Allocation;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.scheduler.memory.MemoryState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An in-memory {@link Planner} (Nomad's scheduler Harness): records every plan, evaluation
 * update and created evaluation, and applies plans to a {@link MemoryState} as the plan applier
 * would. It can be told to refuse nodes: placements there are left out of the result, which
 * is then a partial commit with the (updated) state to retry on, as the real applier answers
 * when a node changed between planning and applying.
 */
public final class Harness implements Planner {
    public final MemoryState state;
    public final List<Plan> plans = new ArrayList<>();
    /** What was committed of each plan, in the same order. */
    public final List<PlanResult> results = new ArrayList<>();
    public final List<Evaluation> evals = new ArrayList<>();
    public final List<Evaluation> createdEvals = new ArrayList<>();
    public final List<Evaluation> reblockedEvals = new ArrayList<>();
    private Predicate<String> refuseNode = nodeId -> false;
    private Consumer<Plan> beforeApply = plan -> { };

    public Harness(MemoryState state) {
        this.state = state;
    }

    /** Placements on nodes matching {@code refuse} are not committed. */
    public Harness refuseNodes(Predicate<String> refuse) {
        this.refuseNode = refuse;
        return this;
    }

    /** Runs between a plan's submission and its application: where a test changes the world under a scheduler. */
    public Harness beforeApply(Consumer<Plan> hook) {
        this.beforeApply = hook;
        return this;
    }

    @Override
    public PlanSubmission submitPlan(Plan plan) {
        plans.add(plan);
        beforeApply.accept(plan);
        long index = state.nextIndex();
        PlanResult result = new PlanResult();
        result.nodeUpdate = new LinkedHashMap<>();
        result.nodeAllocation = new LinkedHashMap<>();
        result.nodePreemptions = new LinkedHashMap<>();
        result.allocIndex = index;
        // As the applier: a node is refused only for what it would place; stop-only nodes always fit.
        java.util.Set<String> refused = new java.util.HashSet<>();
        for (String nodeId : plan.nodeAllocation.keySet()) {
            if (refuseNode.test(nodeId)) {
                refused.add(nodeId);
            }
        }
        boolean partial = !refused.isEmpty();
        for (Map.Entry<String, List<Allocation>> e : plan.nodeAllocation.entrySet()) {
            if (refused.contains(e.getKey())) {
                continue;
            }
            List<Allocation> committed = new ArrayList<>();
            for (Allocation a : e.getValue()) {
                Allocation stored = a.copySkipJob();
                // As Nomad's UpsertPlanResults: live allocations planned without a job (placements,
                // in-place updates) get the plan's; the others keep the one they have.
                stored.job = a.job != null || a.terminalStatus() ? a.job : plan.job;
                stored.allocModifyIndex = index;
                state.putAlloc(stored, index);
                // What the applier answers: the allocation as stored, with its indexes.
                Allocation answered = a.shallowCopy();
                answered.createIndex = stored.createIndex;
                answered.modifyIndex = stored.modifyIndex;
                committed.add(answered);
            }
            result.nodeAllocation.put(e.getKey(), committed);
        }
        for (Map.Entry<String, List<Allocation>> e : plan.nodeUpdate.entrySet()) {
            if (refused.contains(e.getKey())) {
                continue;
            }
            for (Allocation stop : e.getValue()) {
                Allocation existing = state.allocation(stop.id).orElse(null);
                if (existing == null) {
                    continue;
                }
                Allocation stored = existing.copySkipJob();
                stored.desiredStatus = stop.desiredStatus;
                stored.desiredDescription = stop.desiredDescription;
                if (stop.clientStatus != null && !stop.clientStatus.isEmpty()) {
                    stored.clientStatus = stop.clientStatus;
                }
                if (stop.followupEvalId != null && !stop.followupEvalId.isEmpty()) {
                    stored.followupEvalId = stop.followupEvalId;
                }
                state.putAlloc(stored, index);
            }
            result.nodeUpdate.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, List<Allocation>> e : plan.nodePreemptions.entrySet()) {
            for (Allocation victim : e.getValue()) {
                state.allocation(victim.id).ifPresent(existing -> {
                    Allocation stored = existing.copySkipJob();
                    stored.desiredStatus = Allocation.DESIRED_EVICT;
                    stored.desiredDescription = victim.desiredDescription;
                    state.putAlloc(stored, index);
                });
            }
            result.nodePreemptions.put(e.getKey(), e.getValue());
        }
        results.add(result);
        if (partial) {
            result.refreshIndex = index;
            return new PlanSubmission(result, state);
        }
        return new PlanSubmission(result, null);
    }

    @Override
    public void updateEval(Evaluation eval) {
        evals.add(eval);
        state.upsertEval(eval);
    }

    @Override
    public void createEval(Evaluation eval) {
        createdEvals.add(eval);
        state.upsertEval(eval);
    }

    @Override
    public void reblockEval(Evaluation eval) {
        reblockedEvals.add(eval);
        state.upsertEval(eval);
    }

    /** Every allocation placed by the plans so far. */
    public List<Allocation> placed() {
        List<Allocation> out = new ArrayList<>();
        for (Plan p : plans) {
            p.nodeAllocation.values().forEach(out::addAll);
        }
        return out;
    }
}
