package io.drover.client.sim;

import io.drover.model.NetworkResource;
import io.drover.model.json.GoTime;
import io.drover.model.node.DriverInfo;
import io.drover.model.node.Node;
import io.drover.model.node.NodeReservedResources;
import io.drover.model.node.NodeResources;
import io.drover.model.resources.LegacyResources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds the nodes nodesim registers, as a Nomad 0.11.3 client on Linux would fingerprint
 * itself: the attributes the scheduler's constraints and drivers look at, the three drivers
 * nodesim runs (mock_driver, raw_exec, exec: detected and healthy), one loopback network and
 * status initializing. IDs come from the seed, so a restarted simulator with the same seed
 * comes back as the same nodes.
 */
public final class SimulatedNodes {
    static final List<String> DRIVERS = List.of("mock_driver", "raw_exec", "exec");
    private static final String NOMAD_VERSION = "0.11.3";

    private SimulatedNodes() {
    }

    /** All {@code config.nodes()} nodes, in order; {@code sim-<i>} is the i-th. */
    public static List<Node> build(NodeSimConfig config, Instant now) {
        Random ids = new Random(config.seed());
        List<Node> nodes = new ArrayList<>(config.nodes());
        for (int i = 0; i < config.nodes(); i++) {
            nodes.add(node(config, i, uuid(ids), uuid(ids), now));
        }
        return nodes;
    }

    static Node node(NodeSimConfig config, int i, String id, String secretId, Instant now) {
        Node n = new Node();
        n.id = id;
        n.secretId = secretId;
        n.name = "sim-" + i;
        n.datacenter = config.datacenters().get(i % config.datacenters().size());
        n.nodeClass = config.classes().isEmpty() ? "" : config.classes().get(i % config.classes().size());
        n.httpAddr = "127.0.0.1:4646";
        n.attributes = attributes(config, n.name);
        n.nodeResources = resources(config);
        n.reservedResources = new NodeReservedResources(0, 0, 0, "");
        n.resources = LegacyResources.ofNode(n.nodeResources);
        n.reserved = LegacyResources.ofReserved(n.reservedResources);
        n.meta = new LinkedHashMap<>();
        n.meta.put("simulated", "true");
        n.drivers = drivers(now);
        n.status = Node.STATUS_INIT;
        n.schedulingEligibility = Node.ELIGIBLE;
        n.computeClass();
        return n;
    }

    private static Map<String, String> attributes(NodeSimConfig config, String hostname) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("kernel.name", "linux");
        a.put("kernel.version", "5.10.0");
        a.put("os.name", "ubuntu");
        a.put("os.version", "20.04");
        a.put("arch", "amd64");
        a.put("cpu.arch", "amd64");
        a.put("cpu.numcores", "4");
        a.put("cpu.frequency", Long.toString(Math.max(1, config.cpuMhz() / 4)));
        a.put("cpu.totalcompute", Long.toString(config.cpuMhz()));
        a.put("cpu.modelname", "nodesim");
        a.put("memory.totalbytes", Long.toString(config.memoryMb() * 1024 * 1024));
        a.put("unique.hostname", hostname);
        a.put("unique.network.ip-address", "127.0.0.1");
        a.put("unique.storage.volume", "/dev/sim");
        a.put("unique.storage.bytestotal", Long.toString(config.diskMb() * 1024 * 1024));
        a.put("unique.storage.bytesfree", Long.toString(config.diskMb() * 1024 * 1024));
        a.put("nomad.version", NOMAD_VERSION);
        a.put("nomad.revision", "nodesim");
        a.put("nomad.advertise.address", "127.0.0.1:4646");
        a.put("driver.mock_driver", "1");
        a.put("driver.raw_exec", "1");
        a.put("driver.exec", "1");
        return a;
    }

    private static NodeResources resources(NodeSimConfig config) {
        NodeResources r = new NodeResources(config.cpuMhz(), config.memoryMb(), config.diskMb());
        NetworkResource lo = new NetworkResource();
        lo.mode = "";
        lo.device = "lo";
        lo.cidr = "127.0.0.1/32";
        lo.ip = "127.0.0.1";
        lo.mbits = 1000;
        r.networks = new ArrayList<>(List.of(lo));
        return r;
    }

    private static Map<String, DriverInfo> drivers(Instant now) {
        Map<String, DriverInfo> d = new LinkedHashMap<>();
        for (String name : DRIVERS) {
            DriverInfo info = new DriverInfo();
            info.attributes = new LinkedHashMap<>(Map.of("driver." + name, "true"));
            info.detected = true;
            info.healthy = true;
            info.healthDescription = "Healthy";
            info.updateTime = GoTime.format(now);
            d.put(name, info);
        }
        return d;
    }

    /** A random UUID in Nomad's form, from {@code random} so that a seed repeats it. */
    static String uuid(Random random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        StringBuilder s = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                s.append('-');
            }
            s.append(Character.forDigit((b[i] >> 4) & 0xf, 16)).append(Character.forDigit(b[i] & 0xf, 16));
        }
        return s.toString();
    }
}
