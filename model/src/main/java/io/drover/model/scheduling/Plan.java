package io.drover.model.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.Job;
import io.drover.model.alloc.AllocState;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoOmitEmpty;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scheduler wants committed for one evaluation (Nomad's {@code structs.Plan}): per node,
 * allocations to stop ({@link #nodeUpdate}), to place or update ({@link #nodeAllocation}) and
 * to preempt ({@link #nodePreemptions}), plus deployment changes. The plan applier re-checks it
 * against fresh state and may commit only part of it. Allocations in a plan carry no job: the
 * plan carries it once. Nomad encodes it with {@code omitempty}.
 */
@JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = GoOmitEmpty.class)
public final class Plan {
    @JsonProperty("EvalID") public String evalId = "";
    @JsonProperty("EvalToken") public String evalToken = "";
    @JsonProperty("Priority") public Integer priority = 0;
    @JsonProperty("AllAtOnce") public Boolean allAtOnce = false;
    @JsonProperty("Job") public Job job;
    @JsonProperty("NodeUpdate") public Map<String, List<Allocation>> nodeUpdate = new LinkedHashMap<>();
    @JsonProperty("NodeAllocation") public Map<String, List<Allocation>> nodeAllocation = new LinkedHashMap<>();
    @JsonProperty("Annotations") public PlanAnnotations annotations;
    @JsonProperty("Deployment") public Deployment deployment;
    @JsonProperty("DeploymentUpdates") public List<DeploymentStatusUpdate> deploymentUpdates;
    @JsonProperty("NodePreemptions") public Map<String, List<Allocation>> nodePreemptions = new LinkedHashMap<>();
    @GoType("uint64") @JsonProperty("SnapshotIndex") public Long snapshotIndex = 0L;

    /**
     * Nomad's AppendStoppedAlloc: adds a stopped copy of {@code alloc} to {@link #nodeUpdate}.
     * The copy has no job (the plan takes the allocation's job if it has none, as when a job is
     * deregistered) and no pre-0.9 Resources; an empty {@code clientStatus} or
     * {@code followupEvalId} leaves the allocation's own. The stop is recorded at {@code now}.
     */
    public void appendStoppedAlloc(Allocation alloc, String desiredDescription, String clientStatus,
            String followupEvalId, Instant now) {
        Allocation stopped = alloc.shallowCopy();
        if (job == null && stopped.job != null) {
            job = stopped.job;
        }
        stopped.job = null;
        stopped.resources = null;
        stopped.desiredStatus = Allocation.DESIRED_STOP;
        stopped.desiredDescription = desiredDescription;
        if (clientStatus != null && !clientStatus.isEmpty()) {
            stopped.clientStatus = clientStatus;
        }
        stopped.appendState(AllocState.FIELD_CLIENT_STATUS, GoZero.str(clientStatus), now);
        if (followupEvalId != null && !followupEvalId.isEmpty()) {
            stopped.followupEvalId = followupEvalId;
        }
        nodeUpdate.computeIfAbsent(alloc.nodeId, k -> new ArrayList<>()).add(stopped);
    }

    /**
     * Nomad's AppendPreemptedAlloc: adds to {@link #nodePreemptions} a minimal record evicting
     * {@code alloc} for {@code preemptingAllocId}, with the resources the applier needs to re-check fit.
     */
    public void appendPreemptedAlloc(Allocation alloc, String preemptingAllocId) {
        Allocation evicted = new Allocation();
        evicted.id = alloc.id;
        evicted.jobId = alloc.jobId;
        evicted.namespace = alloc.namespace;
        evicted.desiredStatus = Allocation.DESIRED_EVICT;
        evicted.preemptedByAllocation = preemptingAllocId;
        evicted.desiredDescription = "Preempted by alloc ID " + preemptingAllocId;
        if (alloc.allocatedResources != null) {
            evicted.allocatedResources = alloc.allocatedResources;
        } else {
            evicted.taskResources = alloc.taskResources;
            evicted.sharedResources = alloc.sharedResources;
        }
        nodePreemptions.computeIfAbsent(alloc.nodeId, k -> new ArrayList<>()).add(evicted);
    }

    /** Nomad's PopUpdate: removes {@code alloc} from its node's updates if it is the last one appended. */
    public void popUpdate(Allocation alloc) {
        List<Allocation> existing = nodeUpdate.get(alloc.nodeId);
        if (existing == null || existing.isEmpty()) {
            return;
        }
        if (existing.get(existing.size() - 1).id.equals(alloc.id)) {
            existing.remove(existing.size() - 1);
            if (existing.isEmpty()) {
                nodeUpdate.remove(alloc.nodeId);
            }
        }
    }

    /** Nomad's AppendAlloc: adds {@code alloc} to its node's placements, dropping its job (the plan carries it). */
    public void appendAlloc(Allocation alloc) {
        alloc.job = null;
        nodeAllocation.computeIfAbsent(alloc.nodeId, k -> new ArrayList<>()).add(alloc);
    }

    /** Nomad's IsNoOp: nothing to stop, place or change in deployments. */
    public boolean isNoOp() {
        return nodeUpdate.isEmpty() && nodeAllocation.isEmpty() && deployment == null
                && (deploymentUpdates == null || deploymentUpdates.isEmpty());
    }

    /**
     * Nomad's NormalizeAllocations: shrinks stopped and preempted allocations to the fields the
     * applier cannot read from its own state, before the plan is sent.
     */
    public void normalizeAllocations() {
        for (List<Allocation> allocs : nodeUpdate.values()) {
            allocs.replaceAll(a -> {
                Allocation n = new Allocation();
                n.id = a.id;
                n.desiredDescription = a.desiredDescription;
                n.clientStatus = a.clientStatus;
                n.followupEvalId = a.followupEvalId;
                return n;
            });
        }
        for (List<Allocation> allocs : nodePreemptions.values()) {
            allocs.replaceAll(a -> {
                Allocation n = new Allocation();
                n.id = a.id;
                n.preemptedByAllocation = a.preemptedByAllocation;
                return n;
            });
        }
    }
}
