package io.drover.scheduler.select;

import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.node.Node;
import java.util.List;

/**
 * Picks the best node for one task group (Nomad's {@code scheduler.Stack}): feasibility
 * checks, then ranking (bin packing, anti-affinity, affinities, spreads), then the best of a
 * sample. Not thread-safe: one per scheduler run.
 */
public interface Stack {
    /** The candidate nodes, already shuffled by the caller. */
    void setNodes(List<Node> nodes);

    /** The job whose groups will be selected for (its constraints, affinities, spreads). */
    void setJob(Job job);

    /** The best node for {@code group}, or {@code null}; the context's metrics say why not. */
    RankedNode select(TaskGroup group, SelectOptions options);
}
