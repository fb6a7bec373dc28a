package io.drover.client.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.node.Node;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedNodesTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void nodesLookLikeLinuxClientsWithTheSimulatedDrivers() {
        NodeSimConfig config = NodeSimConfig.of(3, List.of("127.0.0.1:4648"))
                .withDatacenters(List.of("dc1", "dc2")).withClasses(List.of("small"));
        List<Node> nodes = SimulatedNodes.build(config, NOW);

        assertThat(nodes).extracting(n -> n.name).containsExactly("sim-0", "sim-1", "sim-2");
        assertThat(nodes).extracting(n -> n.datacenter).containsExactly("dc1", "dc2", "dc1");
        Node n = nodes.get(1);
        assertThat(n.status).isEqualTo(Node.STATUS_INIT);
        assertThat(n.nodeClass).isEqualTo("small");
        assertThat(n.computedClass).startsWith("v1:");
        assertThat(n.attributes).containsEntry("kernel.name", "linux").containsEntry("arch", "amd64")
                .containsEntry("cpu.arch", "amd64").containsEntry("unique.hostname", "sim-1")
                .containsEntry("unique.network.ip-address", "127.0.0.1").containsEntry("driver.mock_driver", "1")
                .containsEntry("driver.raw_exec", "1").containsEntry("driver.exec", "1")
                .containsEntry("nomad.version", "0.11.3").containsKey("os.name");
        assertThat(n.drivers).containsOnlyKeys("mock_driver", "raw_exec", "exec");
        assertThat(n.drivers.get("exec").detected).isTrue();
        assertThat(n.drivers.get("exec").healthy).isTrue();
        assertThat(n.nodeResources.cpu.cpuShares).isEqualTo(4000);
        assertThat(n.nodeResources.memory.memoryMb).isEqualTo(8192);
        assertThat(n.nodeResources.disk.diskMb).isEqualTo(102_400);
        assertThat(n.nodeResources.networks).singleElement().satisfies(net -> {
            assertThat(net.device).isEqualTo("lo");
            assertThat(net.cidr).isEqualTo("127.0.0.1/32");
            assertThat(net.ip).isEqualTo("127.0.0.1");
            assertThat(net.mbits).isEqualTo(1000);
        });
        assertThat(n.reservedResources).isNotNull();
        assertThat(n.httpAddr).isEqualTo("127.0.0.1:4646");
    }

    @Test
    void nodesCarryThePre09ResourcesAndReservedNomadsCliReads() {
        Node n = SimulatedNodes.build(NodeSimConfig.of(1, List.of("127.0.0.1:4648")), NOW).get(0);

        // nomad node status subtracts Reserved from Resources, field by field, unchecked.
        assertThat(new Integer[] {n.resources.cpu, n.resources.memoryMb, n.resources.diskMb, n.resources.iops})
                .containsExactly(4000, 8192, 102_400, 0);
        assertThat(n.resources.networks).extracting(net -> net.cidr).containsExactly("127.0.0.1/32");
        assertThat(new Integer[] {n.reserved.cpu, n.reserved.memoryMb, n.reserved.diskMb, n.reserved.iops})
                .containsExactly(0, 0, 0, 0);
    }

    @Test
    void idsRepeatWithTheSeedAndDifferAcrossSeeds() {
        NodeSimConfig config = NodeSimConfig.of(4, List.of("127.0.0.1:4648"));
        List<Node> a = SimulatedNodes.build(config, NOW);
        List<Node> b = SimulatedNodes.build(config, NOW);
        assertThat(a).extracting(n -> n.id).isEqualTo(b.stream().map(n -> n.id).toList()).doesNotHaveDuplicates();
        assertThat(a.get(0).id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(a.get(0).secretId).isNotEqualTo(a.get(0).id);

        NodeSimConfig other = new NodeSimConfig(4, config.servers(), config.datacenters(), 2, 4000, 8192, 102_400,
                List.of(), config.updateInterval(), config.watchWait());
        assertThat(SimulatedNodes.build(other, NOW).get(0).id).isNotEqualTo(a.get(0).id);
    }

    @Test
    void configRefusesWhatCannotBeSimulated() {
        assertThatThrownBy(() -> NodeSimConfig.of(0, List.of("h:1"))).hasMessageContaining("--nodes");
        assertThatThrownBy(() -> NodeSimConfig.of(1, List.of())).hasMessageContaining("--servers");
        assertThatThrownBy(() -> NodeSimConfig.of(1, List.of("nohost"))).hasMessageContaining("not host:port");
        assertThatThrownBy(() -> NodeSimConfig.of(1, List.of("h:99999"))).hasMessageContaining("out of range");
    }
}
