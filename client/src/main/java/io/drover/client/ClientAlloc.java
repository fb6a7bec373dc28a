package io.drover.client;

import io.drover.model.alloc.Allocation;

/**
 * An allocation as a node runs it (nodesim's {@code sim.SimAlloc} or the agent's alloc runner):
 * what the {@link AllocUpdateBatcher} needs to report it.
 */
public interface ClientAlloc {
    String id();

    /**
     * What the node tells the servers now, as Nomad's client strips an allocation before
     * sending it: only the fields a client may change (status, description, task states,
     * deployment health).
     */
    Allocation clientUpdate();
}
