package io.drover.model.resources;

import static io.drover.model.node.Nodes.network;
import static io.drover.model.node.Nodes.port;
import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.Resources;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.NomadJson;
import io.drover.model.json.Recording;
import io.drover.model.node.Node;
import io.drover.model.node.NodeReservedResources;
import io.drover.model.node.NodeResources;
import io.drover.model.node.Nodes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Port and bandwidth accounting, with the cases of Nomad's network_test.go. */
class NetworkIndexTest {
    private static Node nodeWith(String cidr, String ip, String reservedPorts) {
        Node n = new Node();
        n.nodeResources = new NodeResources();
        n.nodeResources.networks = List.of(network("eth0", cidr, ip, 1000));
        if (reservedPorts != null) {
            n.reservedResources = new NodeReservedResources(0, 0, 0, reservedPorts);
        }
        return n;
    }

    @Test
    void overcommittedWhenUseExceedsTheDevice() {
        NetworkIndex idx = new NetworkIndex();
        NetworkResource reserved = network("eth0", null, "192.168.0.100", 505, port("one", 8000, 0), port("two", 9000, 0));

        assertThat(idx.addReserved(reserved)).isFalse();
        assertThat(idx.overcommitted()).as("no node yet: no bandwidth").isTrue();

        idx.setNode(nodeWith("192.168.0.100/32", null, null));
        assertThat(idx.overcommitted()).isFalse();

        idx.addReserved(reserved);
        assertThat(idx.overcommitted()).isTrue();
    }

    @Test
    void setNodeRecordsNetworksAndReservedPorts() {
        NetworkIndex idx = new NetworkIndex();

        assertThat(idx.setNode(nodeWith("192.168.0.100/32", "192.168.0.100", "22"))).isFalse();

        assertThat(idx.availableNetworks()).hasSize(1);
        assertThat(idx.availableBandwidth("eth0")).isEqualTo(1000);
        assertThat(idx.isPortUsed("192.168.0.100", 22)).isTrue();
        assertThat(idx.isPortUsed("192.168.0.100", 23)).isFalse();
    }

    @Test
    void setNodeReadsPreZeroNineReservations() {
        Node n = new Node();
        n.resources = new Resources();
        n.resources.networks = List.of(network("eth0", "192.168.0.100/32", null, 1000));
        n.reserved = new Resources();
        n.reserved.networks = List.of(network("eth0", null, "192.168.0.100", 1, port("ssh", 22, 0)));
        NetworkIndex idx = new NetworkIndex();

        assertThat(idx.setNode(n)).isFalse();

        assertThat(idx.availableBandwidth("eth0")).isEqualTo(1000);
        assertThat(idx.usedBandwidth("eth0")).isEqualTo(1);
        assertThat(idx.isPortUsed("192.168.0.100", 22)).isTrue();
    }

    @Test
    void addAllocsMarksPortsAndBandwidth() {
        NetworkIndex idx = new NetworkIndex();
        List<Allocation> allocs = List.of(
                Nodes.alloc("a", 0, 0, 0, network("eth0", null, "192.168.0.100", 20, port("one", 8000, 0), port("two", 9000, 0))),
                Nodes.alloc("b", 0, 0, 0, network("eth0", null, "192.168.0.100", 50, port("one", 10000, 0))));

        assertThat(idx.addAllocs(allocs)).isFalse();

        assertThat(idx.usedBandwidth("eth0")).isEqualTo(70);
        assertThat(idx.isPortUsed("192.168.0.100", 8000)).isTrue();
        assertThat(idx.isPortUsed("192.168.0.100", 9000)).isTrue();
        assertThat(idx.isPortUsed("192.168.0.100", 10000)).isTrue();
    }

    @Test
    void addAllocsSkipsTerminalAllocationsAndCountsGroupNetworks() {
        Allocation stopped = Nodes.alloc("a", 0, 0, 0, network("eth0", null, "10.0.0.1", 20, port("one", 8000, 0)));
        stopped.desiredStatus = Allocation.DESIRED_STOP;
        Allocation group = Nodes.alloc("b", 0, 0, 0);
        group.allocatedResources.shared.networks = List.of(network("eth0", null, "10.0.0.1", 5, port("g", 7000, 0)));
        NetworkIndex idx = new NetworkIndex();

        assertThat(idx.addAllocs(List.of(stopped, group))).isFalse();

        assertThat(idx.isPortUsed("10.0.0.1", 8000)).isFalse();
        assertThat(idx.isPortUsed("10.0.0.1", 7000)).isTrue();
        assertThat(idx.usedBandwidth("eth0")).isEqualTo(5);
    }

    @Test
    void preZeroNineAllocationsUseTheirTasksFirstNetwork() {
        Allocation a = new Allocation();
        a.taskResources = new LinkedHashMap<>();
        Resources web = new Resources();
        web.networks = List.of(network("eth0", null, "192.168.0.100", 20, port("one", 8000, 0)),
                network("eth1", null, "192.168.0.101", 20, port("ignored", 8001, 0)));
        a.taskResources.put("web", web);
        NetworkIndex idx = new NetworkIndex();

        assertThat(idx.addAllocs(List.of(a))).isFalse();

        assertThat(idx.isPortUsed("192.168.0.100", 8000)).isTrue();
        assertThat(idx.isPortUsed("192.168.0.101", 8001)).isFalse();
    }

    @Test
    void reservingTheSameNetworkTwiceCollides() {
        NetworkIndex idx = new NetworkIndex();
        NetworkResource reserved = network("eth0", null, "192.168.0.100", 20, port("one", 8000, 0), port("two", 9000, 0));

        assertThat(idx.addReserved(reserved)).isFalse();
        assertThat(idx.usedBandwidth("eth0")).isEqualTo(20);
        assertThat(idx.addReserved(reserved)).isTrue();
    }

    @Test
    void anOutOfRangePortIsACollision() {
        NetworkIndex idx = new NetworkIndex();
        assertThat(idx.addReserved(network("eth0", null, "10.0.0.1", 20, port("bad", 65536, 0)))).isTrue();
        assertThat(idx.usedBandwidth("eth0")).as("not counted, as in Nomad").isZero();

        NetworkIndex ranged = new NetworkIndex();
        ranged.setNode(nodeWith("10.0.0.1/32", "10.0.0.1", null));
        assertThat(ranged.addReservedPortRange("65530-99999999999")).isTrue();
        assertThat(ranged.isPortUsed("10.0.0.1", 65535)).isTrue();
        assertThat(ranged.addReservedPortRange("not a port")).as("malformed: ignored").isFalse();
    }

    @Test
    void addressesOfABlockAreWalkedInOrder() {
        Cidr block = Cidr.parse("192.168.0.100/30");
        List<String> out = new ArrayList<>();
        for (byte[] ip = block.first(); ip != null; ip = block.next(ip)) {
            out.add(Cidr.format(ip));
        }

        assertThat(out).containsExactly("192.168.0.100", "192.168.0.101", "192.168.0.102", "192.168.0.103");
        assertThat(Cidr.format(Cidr.parse("::1/128").first())).isEqualTo("::1");
        assertThat(Cidr.format(Cidr.parse("2001:db8:0:0:1:0:0:1/128").first())).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Cidr.format(Cidr.parse("2001:db8:0:1:1:1:1:1/128").first())).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(Cidr.format(Cidr.parse("fe80::/10").first())).isEqualTo("fe80::");
        assertThat(Cidr.parse("255.255.255.255/32").next(Cidr.parse("255.255.255.255/32").first())).isNull();
        assertThat(Cidr.parse("10.0.0.1")).isNull();
        assertThat(Cidr.parse("10.0.0.256/32")).isNull();
        assertThat(Cidr.parse("example.com/32")).isNull();
        assertThat(Cidr.parse("10.0.0.1/33")).isNull();
    }

    @Test
    void assignNetworkFindsAnAddressWithTheAskedPortsFree() {
        NetworkIndex idx = new NetworkIndex();
        idx.setNode(nodeWith("192.168.0.100/30", null, null));
        idx.addAllocs(List.of(
                Nodes.alloc("a", 0, 0, 0, network("eth0", null, "192.168.0.100", 20, port("one", 8000, 0), port("two", 9000, 0))),
                Nodes.alloc("b", 0, 0, 0, network("eth0", null, "192.168.0.100", 50, port("main", 10000, 0)))));
        Random random = new Random(42);

        // A reserved port taken on the first address moves the offer to the next.
        NetworkResource ask = new NetworkResource();
        ask.reservedPorts = List.of(port("main", 8000, 0));
        NetworkIndex.Assignment a = idx.assignNetwork(ask, random);
        assertThat(a.ok()).isTrue();
        assertThat(a.offer().ip).isEqualTo("192.168.0.101");
        assertThat(a.offer().device).isEqualTo("eth0");
        assertThat(a.offer().reservedPorts).singleElement().satisfies(p -> {
            assertThat(p.label).isEqualTo("main");
            assertThat(p.value).isEqualTo(8000);
            assertThat(p.to).isEqualTo(0);
        });

        // Dynamic ports get values in range; To -1 takes the host port.
        ask = new NetworkResource();
        ask.dynamicPorts = List.of(port("http", 0, 80), port("https", 0, 443), port("admin", 0, -1));
        a = idx.assignNetwork(ask, random);
        assertThat(a.offer().ip).isEqualTo("192.168.0.100");
        assertThat(a.offer().dynamicPorts).hasSize(3);
        Set<Integer> values = new HashSet<>();
        for (Port p : a.offer().dynamicPorts) {
            assertThat(p.value).isBetween(NetworkIndex.MIN_DYNAMIC_PORT, NetworkIndex.MAX_DYNAMIC_PORT);
            values.add(p.value);
        }
        assertThat(values).hasSize(3);
        assertThat(a.offer().dynamicPorts.get(2).to).isEqualTo(a.offer().dynamicPorts.get(2).value);
        assertThat(a.offer().dynamicPorts.get(0).to).isEqualTo(80);
        assertThat(ask.dynamicPorts.get(0).value).as("the ask is not changed").isZero();

        // Reserved and dynamic together.
        ask = new NetworkResource();
        ask.reservedPorts = List.of(port("main", 2345, 0));
        ask.dynamicPorts = List.of(port("http", 0, 80), port("https", 0, 443), port("admin", 0, 8080));
        a = idx.assignNetwork(ask, random);
        assertThat(a.offer().ip).isEqualTo("192.168.0.100");
        assertThat(a.offer().reservedPorts.get(0).value).isEqualTo(2345);
        assertThat(a.offer().dynamicPorts).extracting(p -> p.value).doesNotContain(2345, 0);

        // Too much bandwidth.
        ask = new NetworkResource();
        ask.mbits = 1000;
        a = idx.assignNetwork(ask, random);
        assertThat(a.ok()).isFalse();
        assertThat(a.offer()).isNull();
        assertThat(a.error()).isEqualTo(NetworkIndex.ERR_BANDWIDTH_EXCEEDED);
    }

    @Test
    void assignNetworkReportsWhyNoAddressFits() {
        NetworkIndex empty = new NetworkIndex();
        assertThat(empty.assignNetwork(new NetworkResource(), new Random(1)).error())
                .isEqualTo(NetworkIndex.ERR_NO_NETWORKS);

        NetworkIndex idx = new NetworkIndex();
        idx.setNode(nodeWith("10.0.0.1/32", "10.0.0.1", "8080"));
        NetworkResource ask = new NetworkResource();
        ask.reservedPorts = List.of(port("web", 8080, 0));
        assertThat(idx.assignNetwork(ask, new Random(1)).error()).isEqualTo(NetworkIndex.ERR_RESERVED_PORT_COLLISION);

        ask.reservedPorts = List.of(port("web", 70000, 0));
        assertThat(idx.assignNetwork(ask, new Random(1)).error()).isEqualTo("invalid port 70000 (out of range)");
    }

    @Test
    void aSingleFreeDynamicPortIsFoundByThePreciseSearch() {
        NetworkIndex idx = new NetworkIndex();
        idx.setNode(nodeWith("192.168.0.100/32", "192.168.0.100",
                NetworkIndex.MIN_DYNAMIC_PORT + "-" + (NetworkIndex.MAX_DYNAMIC_PORT - 1)));
        NetworkResource ask = new NetworkResource();
        ask.dynamicPorts = List.of(port("http", 0, 80));

        NetworkIndex.Assignment a = idx.assignNetwork(ask, new Random(7));

        assertThat(a.ok()).as(a.error()).isTrue();
        assertThat(a.offer().ip).isEqualTo("192.168.0.100");
        assertThat(a.offer().dynamicPorts.get(0).value).isEqualTo(NetworkIndex.MAX_DYNAMIC_PORT);

        ask.dynamicPorts = List.of(port("http", 0, 80), port("https", 0, 443));
        assertThat(idx.assignNetwork(ask, new Random(7)).error()).isEqualTo(NetworkIndex.ERR_DYNAMIC_PORT_SELECTION);
    }

    @Test
    void theSameSeedGivesTheSamePorts() {
        NetworkResource ask = new NetworkResource();
        ask.dynamicPorts = List.of(port("a", 0, 0), port("b", 0, 0), port("c", 0, 0));
        List<List<Integer>> runs = new ArrayList<>();
        for (long seed : new long[] {5, 5, 6}) {
            NetworkIndex idx = new NetworkIndex();
            idx.setNode(nodeWith("10.0.0.1/32", "10.0.0.1", "22"));
            List<Integer> ports = new ArrayList<>();
            for (Port p : idx.assignNetwork(ask, new Random(seed)).offer().dynamicPorts) {
                ports.add(p.value);
            }
            runs.add(ports);
        }

        assertThat(runs.get(0)).isEqualTo(runs.get(1));
        assertThat(runs.get(0)).isNotEqualTo(runs.get(2));
    }

    @Test
    void theRecordedNodeOffersItsLoopbackAddresses() throws Exception {
        Node node = NomadJson.mapper().readValue(Recording.load("003_node_read.txt").responseBody, Node.class);
        NetworkIndex idx = new NetworkIndex();
        assertThat(idx.setNode(node)).isFalse();
        NetworkResource ask = new NetworkResource();
        ask.mbits = 10;
        ask.dynamicPorts = List.of(port("http", 0, 0));

        NetworkIndex.Assignment a = idx.assignNetwork(ask, new Random(3));

        assertThat(a.offer().ip).isEqualTo("127.0.0.1");
        assertThat(a.offer().device).isEqualTo("lo");
        assertThat(ResourceFit.allocsFit(node, List.of(), idx, false).fit()).isTrue();
    }
}
