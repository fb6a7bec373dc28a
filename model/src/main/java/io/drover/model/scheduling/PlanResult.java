package io.drover.model.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoType;
import java.util.List;
import java.util.Map;

/** What the plan applier committed of a {@link Plan} (Nomad's {@code structs.PlanResult}). */
public final class PlanResult {
    @JsonProperty("NodeUpdate") public Map<String, List<Allocation>> nodeUpdate;
    @JsonProperty("NodeAllocation") public Map<String, List<Allocation>> nodeAllocation;
    @JsonProperty("Deployment") public Deployment deployment;
    @JsonProperty("DeploymentUpdates") public List<DeploymentStatusUpdate> deploymentUpdates;
    @JsonProperty("NodePreemptions") public Map<String, List<Allocation>> nodePreemptions;
    /** The index the scheduler must refresh its state to, when part of the plan was refused. */
    @GoType("uint64") @JsonProperty("RefreshIndex") public Long refreshIndex = 0L;
    /** The Raft index the commit was applied at. */
    @GoType("uint64") @JsonProperty("AllocIndex") public Long allocIndex = 0L;

    /**
     * What the plan applier answers once this result is committed at {@code index}: AllocIndex,
     * and the placed and updated allocations with the indexes their commit gave them, a new one
     * created at {@code index}, an updated one keeping its CreateIndex. Nomad's applier gets the
     * same by applying the plan to its own snapshot before answering (UpsertPlanResults on the
     * allocations it answers with), and its schedulers rely on it: adjustQueuedAllocations counts
     * an allocation as a new placement when its CreateIndex equals its ModifyIndex, which an
     * in-place update of an allocation never changed since placed would otherwise pass. A plan
     * committed in several entries is answered with the last one's index, as Nomad answers with
     * its optimistic one: consistent, if not each allocation's own.
     */
    public void committedAt(long index) {
        allocIndex = index;
        if (nodeAllocation == null) {
            return;
        }
        for (List<Allocation> allocs : nodeAllocation.values()) {
            for (Allocation a : allocs) {
                if (a.createIndex == null || a.createIndex == 0) {
                    a.createIndex = index;
                }
                a.modifyIndex = index;
                a.allocModifyIndex = index;
            }
        }
    }

    /** Nomad's IsNoOp. */
    public boolean isNoOp() {
        return empty(nodeUpdate) && empty(nodeAllocation) && (deploymentUpdates == null || deploymentUpdates.isEmpty())
                && deployment == null;
    }

    /** Nomad's FullCommit: whether every placement of {@code plan} was committed, with the counts. */
    public Commit fullCommit(Plan plan) {
        int expected = 0;
        int actual = 0;
        for (Map.Entry<String, List<Allocation>> e : plan.nodeAllocation.entrySet()) {
            expected += e.getValue().size();
            List<Allocation> did = nodeAllocation == null ? null : nodeAllocation.get(e.getKey());
            actual += did == null ? 0 : did.size();
        }
        return new Commit(actual == expected, expected, actual);
    }

    /** The result of {@link #fullCommit(Plan)}. */
    public record Commit(boolean full, int expected, int actual) {
    }

    private static boolean empty(Map<?, ?> m) {
        return m == null || m.isEmpty();
    }
}
