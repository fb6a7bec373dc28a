package io.drover.bench;

import io.drover.client.sim.NodeSimConfig;
import io.drover.client.sim.SimulatedNodes;
import io.drover.model.node.Node;
import java.time.Instant;
import java.util.List;

/**
 * Ready nodes for {@code scheduler-placements}: nodesim's own nodes (4000 MHz, 8 GiB, one
 * loopback network, the mock_driver, raw_exec and exec drivers healthy), marked ready as the
 * servers mark them once registered, so the pure scheduler sees what the leader's scheduler
 * sees in {@code placements}.
 */
final class BenchNodes {
    private BenchNodes() {
    }

    static List<Node> ready(int count) {
        List<Node> nodes = SimulatedNodes.build(NodeSimConfig.of(count, List.of("127.0.0.1:4647")), Instant.EPOCH);
        for (Node n : nodes) {
            n.status = Node.STATUS_READY;
            n.computeClass();
        }
        return nodes;
    }
}
