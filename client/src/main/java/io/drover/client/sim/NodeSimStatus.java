package io.drover.client.sim;

/**
 * A moment's count of what {@link NodeSim} runs, for its status line and for tests.
 *
 * @param nodes nodes simulated
 * @param registered nodes the servers took the registration of
 * @param ready nodes whose heartbeat with status ready was taken
 * @param pending allocations not yet running
 * @param running allocations with a task running
 * @param complete allocations whose tasks all finished successfully
 * @param failed allocations with a failed task
 * @param updateBatches UpdateAllocs calls sent
 */
public record NodeSimStatus(int nodes, int registered, int ready, int pending, int running, int complete, int failed,
        long updateBatches) {

    /** The one-line form nodesim prints. */
    public String line() {
        return "nodes " + ready + "/" + nodes + " ready (" + registered + " registered); allocs " + running
                + " running, " + pending + " pending, " + complete + " complete, " + failed + " failed; "
                + updateBatches + " update batches";
    }
}
