package io.drover.scheduler.select;

import io.drover.model.node.Node;
import java.util.List;
import java.util.Set;

/**
 * Per-selection hints (Nomad's {@code SelectOptions}): nodes to penalise (where a rescheduled
 * allocation failed before), nodes to prefer (where a migrated or updated allocation was,
 * e.g. for sticky ephemeral disks), and whether preemption is allowed.
 */
public record SelectOptions(Set<String> penaltyNodeIds, List<Node> preferredNodes, boolean preempt) {
    public static SelectOptions none() {
        return new SelectOptions(Set.of(), List.of(), false);
    }
}
