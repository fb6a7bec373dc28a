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
