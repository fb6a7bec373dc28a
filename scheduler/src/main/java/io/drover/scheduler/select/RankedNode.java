package io.drover.scheduler.select;

import io.drover.model.Task;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.alloc.AllocatedSharedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feasible node with its score and the resources a placement there would take (Nomad's
 * {@code RankedNode}): per-task resources including assigned ports, and the group's shared
 * resources (group networks, ephemeral disk).
 */
public final class RankedNode {
    public final Node node;
    public double finalScore;
    public final List<Double> scores = new ArrayList<>();
    public final Map<String, AllocatedTaskResources> taskResources = new LinkedHashMap<>();
    public AllocatedSharedResources allocResources;
    /** The allocations the node would hold with the plan so far (existing minus stopped plus placed). */
    public List<Allocation> proposed;
    public List<Allocation> preemptedAllocs;
    /** Each task's lifecycle (null for main tasks), alongside {@link #taskResources}. */
    public final Map<String, TaskLifecycleConfig> taskLifecycles = new LinkedHashMap<>();

    public RankedNode(Node node) {
        this.node = node;
    }

    /** Nomad's ProposedAllocs: {@link #proposed}, computed from the context once and kept. */
    public List<Allocation> proposedAllocs(EvalContext ctx) {
        if (proposed == null) {
            proposed = ctx.proposedAllocs(node.id);
        }
        return proposed;
    }

    /** Nomad's SetTaskResources: what {@code task} gets on this node. */
    public void setTaskResources(Task task, AllocatedTaskResources resources) {
        taskResources.put(task.name, resources);
        taskLifecycles.put(task.name, task.lifecycle);
    }

    @Override
    public String toString() {
        return String.format("<Node: %s Score: %.3f>", node.id, finalScore);
    }
}
