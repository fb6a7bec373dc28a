package io.drover.scheduler.select;

import io.drover.model.node.Node;

/** A single feasibility test of a node (Nomad's {@code FeasibilityChecker}); a failure is recorded in the metrics. */
interface FeasibilityChecker {
    boolean feasible(Node node);
}
