package io.drover.scheduler;

import io.drover.model.Node;
import io.drover.state.StateReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The nodes a job may be placed on (Nomad's {@code readyNodesInDCs}): ready, not draining,
 * eligible, in one of the job's datacenters; with how many each datacenter offers, which
 * failed placements report as NodesAvailable. The order is shuffled with a seed from the
 * evaluation, so the same evaluation on the same state always sees the same order.
 */
public record CandidateNodes(List<Node> nodes, Map<String, Integer> byDatacenter) {

    public static CandidateNodes readyIn(StateReader state, List<String> datacenters) {
        Map<String, Integer> byDc = new LinkedHashMap<>();
        for (String dc : datacenters == null ? List.<String>of() : datacenters) {
            byDc.put(dc, 0);
        }
        List<Node> out = new ArrayList<>();
        for (Node n : state.nodes("")) {
            if (!Node.STATUS_READY.equals(n.status) || Boolean.TRUE.equals(n.drain)
                    || !Node.ELIGIBLE.equals(n.schedulingEligibility) || !byDc.containsKey(n.datacenter)) {
                continue;
            }
            out.add(n);
            byDc.merge(n.datacenter, 1, Integer::sum);
        }
        return new CandidateNodes(out, byDc);
    }

    /** The nodes in a Fisher–Yates order seeded from {@code evalId}. */
    public List<Node> shuffled(String evalId) {
        List<Node> out = new ArrayList<>(nodes);
        Random r = new Random(evalId.hashCode() * 0x9E3779B97F4A7C15L);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            Node t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }
}
