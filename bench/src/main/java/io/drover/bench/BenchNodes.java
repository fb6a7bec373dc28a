package io.drover.bench;

import io.drover.model.NetworkResource;
import io.drover.model.node.DriverInfo;
import io.drover.model.node.Node;
import io.drover.model.node.NodeReservedResources;
import io.drover.model.node.NodeResources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready nodes for {@code scheduler-placements}, shaped as nodesim registers them (4000 MHz,
 * 8 GiB, one loopback network, the mock_driver, raw_exec and exec drivers healthy), so the pure
 * scheduler sees what the leader's scheduler sees in {@code placements}.
 */
final class BenchNodes {
    private BenchNodes() {
    }

    static List<Node> ready(int count) {
        List<Node> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(node(i));
        }
        return out;
    }

    private static Node node(int i) {
        Node n = new Node();
        n.id = String.format("00000000-0000-4000-8000-%012d", i);
        n.secretId = String.format("00000000-0000-4000-9000-%012d", i);
        n.name = "sim-" + i;
        n.datacenter = "dc1";
        n.nodeClass = "";
        n.attributes = new LinkedHashMap<>();
        n.attributes.put("kernel.name", "linux");
        n.attributes.put("arch", "amd64");
        n.attributes.put("cpu.numcores", "4");
        n.attributes.put("cpu.totalcompute", "4000");
        n.attributes.put("unique.hostname", n.name);
        n.attributes.put("unique.network.ip-address", "127.0.0.1");
        n.attributes.put("nomad.version", "0.11.3");
        n.meta = new LinkedHashMap<>();
        n.nodeResources = new NodeResources(4000, 8192, 102_400);
        NetworkResource lo = new NetworkResource();
        lo.mode = "";
        lo.device = "lo";
        lo.cidr = "127.0.0.1/32";
        lo.ip = "127.0.0.1";
        lo.mbits = 1000;
        n.nodeResources.networks = new ArrayList<>(List.of(lo));
        n.reservedResources = new NodeReservedResources(0, 0, 0, "");
        n.drivers = new LinkedHashMap<>();
        for (String driver : List.of("mock_driver", "raw_exec", "exec")) {
            n.attributes.put("driver." + driver, "1");
            DriverInfo info = new DriverInfo();
            info.attributes = new LinkedHashMap<>(Map.of("driver." + driver, "true"));
            info.detected = true;
            info.healthy = true;
            info.healthDescription = "Healthy";
            n.drivers.put(driver, info);
        }
        n.status = Node.STATUS_READY;
        n.schedulingEligibility = Node.ELIGIBLE;
        n.computeClass();
        return n;
    }
}
