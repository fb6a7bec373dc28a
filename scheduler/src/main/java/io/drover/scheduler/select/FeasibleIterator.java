package io.drover.scheduler.select;

import io.drover.model.node.Node;

/** A source of feasible nodes (Nomad's {@code FeasibleIterator}); {@code null} when exhausted. */
interface FeasibleIterator {
    Node next();

    /** Starts over for the next selection; the source may continue where it stopped. */
    void reset();
}
