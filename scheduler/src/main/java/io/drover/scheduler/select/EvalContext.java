package io.drover.scheduler.select;

import io.drover.model.AllocMetric;
import io.drover.model.Allocation;
import io.drover.model.Plan;
import io.drover.state.StateReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one scheduler run shares between its stacks and iterators (Nomad's {@code EvalContext}):
 * the state view, the plan being built, and the metrics of the current selection.
 */
public class EvalContext {
    private final StateReader state;
    private final Plan plan;
    private AllocMetric metrics = new AllocMetric();

    public EvalContext(StateReader state, Plan plan) {
        this.state = state;
        this.plan = plan;
    }

    public StateReader state() {
        return state;
    }

    public Plan plan() {
        return plan;
    }

    public AllocMetric metrics() {
        return metrics;
    }

    /** Starts a fresh selection: new metrics. */
    public void reset() {
        metrics = new AllocMetric();
    }

    /**
     * The allocations {@code nodeId} would run if the plan so far were applied: its
     * non-terminal allocations, minus those the plan stops or preempts, plus those it places
     * (an in-place update replaces the allocation it updates).
     */
    public List<Allocation> proposedAllocs(String nodeId) {
        Set<String> removed = new HashSet<>();
        for (Allocation a : plan.nodeUpdate.getOrDefault(nodeId, List.of())) {
            removed.add(a.id);
        }
        for (Allocation a : plan.nodePreemptions.getOrDefault(nodeId, List.of())) {
            removed.add(a.id);
        }
        List<Allocation> placed = plan.nodeAllocation.getOrDefault(nodeId, List.of());
        for (Allocation a : placed) {
            removed.add(a.id);
        }
        List<Allocation> out = new ArrayList<>();
        for (Allocation a : state.allocationsOfNode(nodeId)) {
            if (!a.terminalStatus() && !removed.contains(a.id)) {
                out.add(a);
            }
        }
        out.addAll(placed);
        return out;
    }
}
