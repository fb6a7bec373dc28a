package io.drover.scheduler.select;

import io.drover.model.node.Node;
import io.drover.state.StateReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nodes a job may be placed on (Nomad's {@code readyNodesInDCs}): ready, not draining,
 * eligible, in one of the job's datacenters; with how many such nodes each datacenter has
 * (every asked datacenter present, 0 if none). Nodes come in ID order; callers shuffle.
 */
public final class ReadyNodes {
    private ReadyNodes() {
    }

    /** The result: the nodes, and per datacenter their count. */
    public record InDcs(List<Node> nodes, Map<String, Integer> byDc) {
    }

    public static InDcs readyNodesInDCs(StateReader state, List<String> dcs) {
        Map<String, Integer> byDc = new LinkedHashMap<>();
        for (String dc : dcs == null ? List.<String>of() : dcs) {
            byDc.put(dc, 0);
        }
        List<Node> out = new ArrayList<>();
        for (Node node : state.nodes("")) {
            if (!Node.STATUS_READY.equals(node.status) || Boolean.TRUE.equals(node.drain)
                    || !Node.ELIGIBLE.equals(node.schedulingEligibility) || !byDc.containsKey(node.datacenter)) {
                continue;
            }
            out.add(node);
            byDc.merge(node.datacenter, 1, Integer::sum);
        }
        return new InDcs(out, byDc);
    }
}
