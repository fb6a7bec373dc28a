package io.drover.model.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.model.Constraint;
import io.drover.model.Resources;
import io.drover.model.json.GoTime;
import io.drover.model.json.NomadJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Node helpers: readiness, resources, computed class (cases from Nomad's node_class_test.go). */
class NodeTest {
    @ParameterizedTest(name = "{0}, {1}, drain {2}")
    @CsvSource({
            "ready, eligible, false, true",
            "ready, ineligible, false, false",
            "ready, eligible, true, false",
            "initializing, eligible, false, false",
            "down, eligible, false, false",
    })
    void readyMeansUpEligibleAndNotDraining(String status, String eligibility, boolean drain, boolean ready) {
        Node n = new Node();
        n.status = status;
        n.schedulingEligibility = eligibility;
        n.drain = drain;

        assertThat(n.ready()).isEqualTo(ready);
        assertThat(n.terminalStatus()).isEqualTo(status.equals(Node.STATUS_DOWN));
    }

    @Test
    void canonicalizeGivesOldNodesAnEligibility() {
        Node n = new Node();
        n.canonicalize();
        assertThat(n.schedulingEligibility).isEqualTo(Node.ELIGIBLE);

        Node draining = new Node();
        draining.drain = true;
        draining.canonicalize();
        assertThat(draining.schedulingEligibility).isEqualTo(Node.INELIGIBLE);
    }

    @Test
    void comparableResourcesPreferTheNewShapes() {
        Node n = Nodes.mock("n1");
        assertThat(n.comparableResources().cpuShares()).isEqualTo(4000);
        assertThat(n.comparableResources().memoryMb()).isEqualTo(8192);
        assertThat(n.comparableResources().diskMb()).isEqualTo(100 * 1024);
        assertThat(n.comparableReservedResources().cpuShares()).isEqualTo(100);
        n.comparableResources().flattened.networks.get(0).mbits = 1;
        assertThat(n.nodeResources.networks.get(0).mbits).as("networks are copies").isEqualTo(1000);

        Node old = new Node();
        old.resources = new Resources();
        old.resources.cpu = 1000;
        old.resources.memoryMb = 512;
        old.resources.diskMb = 2000;
        assertThat(old.comparableResources().cpuShares()).isEqualTo(1000);
        assertThat(old.comparableReservedResources()).isNull();
        assertThat(new Node().comparableResources().cpuShares()).isZero();
    }

    @Test
    void computedClassIsDeterministicAndIgnoresUniqueFields() {
        Node n = Nodes.mock("n1");
        String cls = n.computedClass;
        assertThat(cls).matches("v1:\\d+");

        n.computeClass();
        assertThat(n.computedClass).isEqualTo(cls);

        Node other = Nodes.mock("n2");
        other.name = "other";
        other.links = Map.of();
        other.nodeResources.cpu.cpuShares = 1L;
        other.nodeResources.networks.get(0).ip = "10.9.9.9";
        other.attributes.put("unique.hostname", "n2");
        other.meta.put("unique.rack-slot", "7");
        other.computeClass();
        assertThat(other.computedClass).isEqualTo(cls);
    }

    @Test
    void computedClassChangesWithClassFields() {
        String base = Nodes.mock("n").computedClass;

        Node dc = Nodes.mock("n");
        dc.datacenter = "New DC";
        assertThat(changed(dc, base)).isTrue();

        Node attr = Nodes.mock("n");
        attr.attributes.put("version", "New Version");
        assertThat(changed(attr, base)).isTrue();

        Node removed = Nodes.mock("n");
        removed.attributes.remove("driver.exec");
        assertThat(changed(removed, base)).isTrue();

        Node meta = Nodes.mock("n");
        meta.meta.put("pci-dss", "false");
        assertThat(changed(meta, base)).isTrue();

        Node cls = Nodes.mock("n");
        cls.nodeClass = "other";
        assertThat(changed(cls, base)).isTrue();

        // A key and value moved across the boundary of two entries must not collide.
        Node shifted = Nodes.mock("n");
        shifted.attributes.remove("arch");
        shifted.attributes.put("arc", "hx86");
        assertThat(changed(shifted, base)).isTrue();
    }

    @Test
    void computedClassCoversDevicesButNotTheirUniqueAttributes() {
        Node plain = Nodes.mock("n");
        Node gpu = Nodes.nvidia("n");
        assertThat(gpu.computedClass).isNotEqualTo(plain.computedClass);

        Node otherInstances = Nodes.nvidia("m");
        assertThat(otherInstances.computedClass).as("instance IDs are unique").isEqualTo(gpu.computedClass);

        Node uniqueAttr = Nodes.nvidia("n");
        uniqueAttr.nodeResources.devices.get(0).attributes.put("unique.serial", DeviceAttribute.ofString("x"));
        assertThat(changed(uniqueAttr, gpu.computedClass)).isFalse();

        Node attr = Nodes.nvidia("n");
        attr.nodeResources.devices.get(0).attributes.put("memory", DeviceAttribute.ofInt(12, "GiB"));
        assertThat(changed(attr, gpu.computedClass)).isTrue();
    }

    private static boolean changed(Node n, String before) {
        n.computeClass();
        return !n.computedClass.equals(before);
    }

    @Test
    void escapedConstraintsLookAtUniqueFields() {
        Constraint ne1 = new Constraint("${attr.kernel.name}", "=", "linux");
        Constraint ne2 = new Constraint("${meta.key_foo}", "<", "linux");
        Constraint ne3 = new Constraint("${node.dc}", "!=", "test");
        Constraint e1 = new Constraint("${attr.unique.kernel.name}", "=", "linux");
        Constraint e2 = new Constraint("${meta.unique.key_foo}", "<", "linux");
        Constraint e3 = new Constraint("linux", "=", "${node.unique.name}");

        assertThat(NodeClass.escapedConstraints(List.of(ne1, ne2, ne3, e1, e2, e3))).containsExactly(e1, e2, e3);
    }

    @Test
    void stubAddressIsTheHostOfTheHttpAddress() {
        assertThat(Node.hostOf("127.0.0.1:4646")).isEqualTo("127.0.0.1");
        assertThat(Node.hostOf("[::1]:4646")).isEqualTo("::1");
        assertThat(Node.hostOf("node.example:4646")).isEqualTo("node.example");
        assertThat(Node.hostOf("127.0.0.1")).isEmpty();
        assertThat(Node.hostOf("::1:4646")).isEmpty();
        assertThat(Node.hostOf("")).isEmpty();

        Node n = Nodes.mock("n1");
        n.httpAddr = "10.0.0.5:4646";
        NodeListStub stub = n.stub();
        assertThat(stub.address).isEqualTo("10.0.0.5");
        assertThat(stub.version).isEqualTo("0.5.0");
        assertThat(stub.id).isEqualTo("n1");
    }

    @Test
    void drainDeadlines() {
        DrainStrategy d = new DrainStrategy();
        assertThat(d.deadlineTime()).isEqualTo(new DrainStrategy.Deadline(true, null));
        d.deadline = -1L;
        assertThat(d.deadlineTime()).isEqualTo(new DrainStrategy.Deadline(false, null));
        d.deadline = Duration.ofHours(1).toNanos();
        d.forceDeadline = "2026-11-22T06:00:00Z";
        assertThat(d.deadlineTime())
                .isEqualTo(new DrainStrategy.Deadline(false, Instant.parse("2026-11-22T06:00:00Z")));
    }

    @Test
    void nodeEventsCarryDetails() {
        NodeEvent e = new NodeEvent(NodeEvent.SUBSYSTEM_CLUSTER, "Node registered", Instant.parse("2026-11-22T04:59:08Z"))
                .addDetail("k", "v");
        assertThat(new String(NomadJson.write(e))).isEqualTo("{\"Message\":\"Node registered\",\"Subsystem\":\"Cluster\","
                + "\"Details\":{\"k\":\"v\"},\"Timestamp\":\"2026-11-22T04:59:08Z\",\"CreateIndex\":0}");
    }

    @Test
    void aNodeKeepsItsLastTenEvents() {
        Node n = new Node();
        for (int i = 0; i < 12; i++) {
            n.appendEvents(100 + i, List.of(new NodeEvent(NodeEvent.SUBSYSTEM_HEARTBEAT, "e" + i,
                    Instant.parse("2026-11-22T04:59:08Z"))));
        }

        assertThat(n.events).hasSize(NodeEvent.MAX_RETAINED);
        assertThat(n.events.get(0).message).isEqualTo("e2");
        assertThat(n.events.get(9).message).isEqualTo("e11");
        assertThat(n.events.get(9).createIndex).isEqualTo(111);
    }

    @Test
    void reservedHostPortsParseAsNomadParsesThem() {
        assertThat(parse("1,2,3")).containsExactly(1, 2, 3);
        assertThat(parse("3,1,2,1,2,3,1-3")).containsExactly(1, 2, 3);
        assertThat(parse("1-3,2-4")).containsExactly(1, 2, 3, 4);
        assertThat(parse("1-3,4,5-5,6,7,8-10")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(parse(" 80 , 443")).containsExactly(80, 443);
        assertThat(parse("")).isEmpty();
        assertThat(parse("65534-70000")).containsExactly(65534, 65535, PortRanges.OUT_OF_RANGE);
        assertThatThrownBy(() -> parse("3-1"))
                .hasMessage("invalid range: starting value (1) less than ending (3) value");
        assertThatThrownBy(() -> parse("1,,2")).hasMessage("can't specify empty port");
        assertThatThrownBy(() -> parse("x")).hasMessage("strconv.ParseUint: parsing \"x\": invalid syntax");
        assertThatThrownBy(() -> parse("1-2-3")).hasMessageStartingWith("can only parse single port numbers");
    }

    private static List<Integer> parse(String spec) {
        NodeReservedNetworkResources r = new NodeReservedNetworkResources();
        r.reservedHostPorts = spec;
        return r.parseReservedHostPorts();
    }

    @Test
    void goTimesRoundTripAsNomadWritesThem() {
        for (String t : List.of("2026-11-22T04:59:06.16453046Z", "2026-11-22T04:59:08Z", "2026-11-22T05:11:23.639558434Z",
                "2026-11-22T04:59:33.1Z")) {
            assertThat(GoTime.format(GoTime.parse(t))).isEqualTo(t);
        }
        assertThat(GoTime.parse(null)).isNull();
        assertThat(GoTime.format(null)).isNull();
        assertThat(GoTime.parse("2026-11-22T06:59:08+02:00")).isEqualTo(Instant.parse("2026-11-22T04:59:08Z"));
        Instant t = Instant.parse("2026-11-22T04:59:33.098342241Z");
        assertThat(GoTime.fromUnixNanos(GoTime.unixNanos(t))).isEqualTo(t);
        assertThat(GoTime.unixNanos(t)).isEqualTo(1795323573098342241L);
    }
}
