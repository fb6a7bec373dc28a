package io.drover.scheduler;

import io.drover.model.alloc.Allocation;
import io.drover.model.node.Node;
import io.drover.state.StateReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes of a job's allocations that can no longer be trusted with them (Nomad's
 * {@code taintedNodes}): down or draining nodes, and nodes that are gone (mapped to null).
 */
public final class TaintedNodes {
    private TaintedNodes() {
    }

    public static Map<String, Node> of(StateReader state, List<Allocation> allocs) {
        Map<String, Node> out = new HashMap<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (Allocation a : allocs) {
            if (seen.putIfAbsent(a.nodeId, Boolean.TRUE) != null) {
                continue;
            }
            Node node = state.node(a.nodeId).orElse(null);
            if (node == null) {
                out.put(a.nodeId, null);
            } else if (Node.STATUS_DOWN.equals(node.status) || Boolean.TRUE.equals(node.drain)) {
                out.put(a.nodeId, node);
            }
        }
        return out;
    }

    /**
     * Nomad's updateNonTerminalAllocsToLost: allocations the servers already stopped but whose
     * client never confirmed it, on a node that is down or gone, are marked lost so they stop
     * counting as running.
     */
    public static void markStoppedAllocsLost(io.drover.model.scheduling.Plan plan, Map<String, Node> tainted,
            List<Allocation> allocs, java.time.Instant now) {
        for (Allocation a : allocs) {
            if (!tainted.containsKey(a.nodeId)) {
                continue;
            }
            Node node = tainted.get(a.nodeId);
            if (node != null && !Node.STATUS_DOWN.equals(node.status)) {
                continue;
            }
            if (a.serverTerminalStatus() && (Allocation.CLIENT_RUNNING.equals(a.clientStatus)
                    || Allocation.CLIENT_PENDING.equals(a.clientStatus))) {
                plan.appendStoppedAlloc(a, Descriptions.ALLOC_LOST, Allocation.CLIENT_LOST, "", now);
            }
        }
    }
}
