package io.drover.bench;

import io.drover.model.alloc.Allocation;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.scheduler.PlanSubmission;
import io.drover.scheduler.Planner;
import io.drover.scheduler.memory.MemoryState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Planner} that commits every plan in full into a {@link MemoryState}, as an
 * applier with nothing to refuse would: each placed allocation is stored with the plan's job,
 * at one index per plan. Stops and preemptions are answered but not stored (the benchmark's
 * jobs never make any). Counts what it placed.
 */
final class CommittingPlanner implements Planner {
    private final MemoryState state;
    private int placed;
    private int plans;

    CommittingPlanner(MemoryState state) {
        this.state = state;
    }

    @Override
    public PlanSubmission submitPlan(Plan plan) {
        plans++;
        long index = state.nextIndex();
        for (Map.Entry<String, List<Allocation>> e : plan.nodeAllocation.entrySet()) {
            for (Allocation a : e.getValue()) {
                a.job = plan.job;
                state.putAlloc(a, index);
                placed++;
            }
        }
        PlanResult result = new PlanResult();
        result.nodeAllocation = new LinkedHashMap<>(plan.nodeAllocation);
        result.nodeUpdate = new LinkedHashMap<>(plan.nodeUpdate);
        result.nodePreemptions = new LinkedHashMap<>(plan.nodePreemptions);
        result.allocIndex = index;
        return new PlanSubmission(result, null);
    }

    @Override
    public void updateEval(Evaluation eval) {
        state.upsertEval(eval);
    }

    @Override
    public void createEval(Evaluation eval) {
        state.upsertEval(eval);
    }

    @Override
    public void reblockEval(Evaluation eval) {
        state.upsertEval(eval);
    }

    int placed() {
        return placed;
    }

    int plans() {
        return plans;
    }
}
