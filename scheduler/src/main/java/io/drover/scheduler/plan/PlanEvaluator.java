package io.drover.scheduler.plan;

import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.Allocations;
import io.drover.model.node.Node;
import io.drover.model.resources.ResourceFit;
import io.drover.model.scheduling.Deployment;
import io.drover.model.scheduling.DeploymentState;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.state.StateReader;
import io.drover.state.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Re-checks a scheduler's plan against the newest state before it is committed (Nomad's
 * {@code evaluatePlan} and {@code evaluateNodePlan}). The scheduler planned on a snapshot that
 * may be stale, and several schedulers plan at once, so every node that receives placements is
 * checked again: it must exist, be ready, eligible and not draining, and the allocations it would
 * run (its live allocations, minus what the plan stops, preempts or replaces, plus what it
 * places) must fit, ports and devices included. Nodes that only lose allocations always pass.
 *
 * <p>What fits is kept node by node and the rest is dropped; when anything was dropped, the
 * result's RefreshIndex tells the scheduler how new a state to plan again on. An
 * {@code AllAtOnce} plan is all or nothing. Pure: reads the snapshot, changes nothing,
 * including the plan.
 */
public final class PlanEvaluator {
    /** Receives each refused node and why, for logs and tests. */
    public interface RefusalListener {
        void refused(String nodeId, String reason);
    }

    private final RefusalListener listener;

    public PlanEvaluator() {
        this((nodeId, reason) -> { });
    }

    public PlanEvaluator(RefusalListener listener) {
        this.listener = listener;
    }

    /**
     * The part of {@code plan} that can be committed on {@code snapshot}.
     *
     * @throws PlanEvaluationException if the plan stops or preempts an allocation the snapshot does not have
     */
    public PlanResult evaluate(StateReader snapshot, Plan plan) {
        Map<String, List<Allocation>> stops = denormalize(snapshot, plan.nodeUpdate, false);
        Map<String, List<Allocation>> preemptions = denormalize(snapshot, plan.nodePreemptions, true);

        PlanResult result = new PlanResult();
        result.nodeUpdate = new LinkedHashMap<>();
        result.nodeAllocation = new LinkedHashMap<>();
        result.nodePreemptions = new LinkedHashMap<>();
        result.deployment = plan.deployment == null ? null : plan.deployment.copy();
        result.deploymentUpdates = plan.deploymentUpdates;

        Set<String> nodeIds = new LinkedHashSet<>(plan.nodeUpdate.keySet());
        nodeIds.addAll(plan.nodeAllocation.keySet());

        boolean partial = false;
        for (String nodeId : nodeIds) {
            NodePlanVerdict verdict = evaluateNodePlan(snapshot, plan, nodeId);
            if (!verdict.fit()) {
                listener.refused(nodeId, verdict.reason());
                partial = true;
                if (Boolean.TRUE.equals(plan.allAtOnce)) {
                    result.nodeUpdate = null;
                    result.nodeAllocation = null;
                    result.deploymentUpdates = null;
                    result.deployment = null;
                    result.nodePreemptions = null;
                    break;
                }
                continue;
            }
            List<Allocation> stopped = stops.get(nodeId);
            if (stopped != null && !stopped.isEmpty()) {
                result.nodeUpdate.put(nodeId, stopped);
            }
            List<Allocation> placed = plan.nodeAllocation.get(nodeId);
            if (placed != null && !placed.isEmpty()) {
                result.nodeAllocation.put(nodeId, placed);
            }
            List<Allocation> preempted = preemptions.get(nodeId);
            if (preempted != null) {
                result.nodePreemptions.put(nodeId, stillRunning(snapshot, preempted));
            }
        }

        if (partial) {
            result.refreshIndex = snapshot.maxIndex(Table.NODES, Table.ALLOCS);
            if (result.refreshIndex == 0) {
                throw new PlanEvaluationException("partialCommit with RefreshIndex of 0");
            }
            correctDeploymentCanaries(result);
        }
        return result;
    }

    /** Nomad's evaluateNodePlan. */
    public NodePlanVerdict evaluateNodePlan(StateReader snapshot, Plan plan, String nodeId) {
        List<Allocation> placed = plan.nodeAllocation.getOrDefault(nodeId, List.of());
        if (placed.isEmpty()) {
            // Only stops or preemptions: always allowed, whatever the node's state.
            return NodePlanVerdict.FITS;
        }
        Node node = snapshot.node(nodeId).orElse(null);
        if (node == null) {
            return NodePlanVerdict.refused("node does not exist");
        }
        if (!Node.STATUS_READY.equals(node.status)) {
            return NodePlanVerdict.refused("node is not ready for placements");
        }
        if (Node.INELIGIBLE.equals(node.schedulingEligibility)) {
            return NodePlanVerdict.refused("node is not eligible for draining");
        }
        if (Boolean.TRUE.equals(node.drain)) {
            return NodePlanVerdict.refused("node is draining");
        }

        List<Allocation> existing = snapshot.allocationsOfNodeForFit(nodeId);
        List<Allocation> remove = new ArrayList<>(plan.nodeUpdate.getOrDefault(nodeId, List.of()));
        remove.addAll(plan.nodePreemptions.getOrDefault(nodeId, List.of()));
        remove.addAll(placed);
        List<Allocation> proposed = Allocations.removeAllocs(existing, remove);
        proposed.addAll(placed);

        ResourceFit.Result fit = ResourceFit.allocsFit(node, proposed, null, true);
        return fit.fit() ? NodePlanVerdict.FITS : NodePlanVerdict.refused(fit.dimension());
    }

    /**
     * Nomad's DenormalizeAllocationsMap: the stored allocation behind each (possibly normalized)
     * stop or preemption, with the plan's change merged in.
     */
    private static Map<String, List<Allocation>> denormalize(StateReader snapshot,
            Map<String, List<Allocation>> byNode, boolean preemption) {
        Map<String, List<Allocation>> out = new LinkedHashMap<>();
        byNode.forEach((nodeId, allocs) -> {
            List<Allocation> full = new ArrayList<>(allocs.size());
            for (Allocation diff : allocs) {
                Allocation stored = snapshot.allocation(diff.id)
                        .orElseThrow(() -> new PlanEvaluationException("alloc " + diff.id + " doesn't exist"));
                Allocation c = stored.copySkipJob();
                if (preemption || !isEmpty(diff.preemptedByAllocation)) {
                    c.preemptedByAllocation = diff.preemptedByAllocation;
                    c.desiredDescription = "Preempted by alloc ID " + diff.preemptedByAllocation;
                    c.desiredStatus = Allocation.DESIRED_EVICT;
                } else {
                    c.desiredDescription = diff.desiredDescription;
                    c.desiredStatus = Allocation.DESIRED_STOP;
                    if (!isEmpty(diff.clientStatus)) {
                        c.clientStatus = diff.clientStatus;
                    }
                    if (!isEmpty(diff.followupEvalId)) {
                        c.followupEvalId = diff.followupEvalId;
                    }
                }
                if (diff.modifyTime != null && diff.modifyTime != 0) {
                    c.modifyTime = diff.modifyTime;
                }
                full.add(c);
            }
            out.put(nodeId, full);
        });
        return out;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** Preemptions of allocations that have not stopped meanwhile; null if none (Go's nil slice). */
    private static List<Allocation> stillRunning(StateReader snapshot, List<Allocation> preempted) {
        List<Allocation> out = null;
        for (Allocation p : preempted) {
            Allocation current = snapshot.allocation(p.id).orElse(null);
            if (current != null && !current.terminalStatus()) {
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(p);
            }
        }
        return out;
    }

    /** Nomad's correctDeploymentCanaries: a deployment only counts the canaries that were committed. */
    private static void correctDeploymentCanaries(PlanResult result) {
        Deployment d = result.deployment;
        if (d == null || !d.hasPlacedCanaries()) {
            return;
        }
        Set<String> placed = new HashSet<>();
        if (result.nodeAllocation != null) {
            result.nodeAllocation.values().forEach(allocs -> allocs.forEach(a -> placed.add(a.id)));
        }
        for (DeploymentState group : d.taskGroups.values()) {
            if (group.placedCanaries != null && !group.placedCanaries.isEmpty()) {
                group.placedCanaries = new ArrayList<>(group.placedCanaries.stream().filter(placed::contains).toList());
            }
        }
    }
}
