package io.drover.model.resources;

import static io.drover.model.node.Nodes.alloc;
import static io.drover.model.node.Nodes.network;
import static io.drover.model.node.Nodes.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.drover.model.Job;
import io.drover.model.Jobs;
import io.drover.model.Resources;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.alloc.AllocatedDeviceResource;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.Allocations;
import io.drover.model.alloc.ComparableResources;
import io.drover.model.alloc.DeviceIdTuple;
import io.drover.model.node.Node;
import io.drover.model.node.NodeReservedResources;
import io.drover.model.node.NodeResources;
import io.drover.model.node.Nodes;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fit and score, with the cases of Nomad's funcs_test.go and structs_test.go. */
class ResourceFitTest {
    /** TestAllocsFit's node: 2000 MHz, 2048 MB, 10000 MB disk, half of each reserved, port 80 reserved. */
    private static Node node() {
        Node n = new Node();
        n.nodeResources = new NodeResources(2000, 2048, 10000);
        n.nodeResources.networks = List.of(network("eth0", "10.0.0.0/8", null, 100));
        n.reservedResources = new NodeReservedResources(1000, 1024, 5000, "80");
        return n;
    }

    private static Allocation a1() {
        return alloc("a1", 1000, 1024, 5000, network("eth0", null, "10.0.0.1", 50, port("main", 8000, 0)));
    }

    @Test
    void oneAllocationFitsTwoDoNot() {
        ResourceFit.Result one = ResourceFit.allocsFit(node(), List.of(a1()), null, false);
        assertThat(one.fit()).isTrue();
        assertThat(one.dimension()).isEmpty();
        assertThat(one.used().cpuShares()).isEqualTo(1000);
        assertThat(one.used().memoryMb()).isEqualTo(1024);

        Allocation a = a1();
        ResourceFit.Result two = ResourceFit.allocsFit(node(), List.of(a, a), null, false);
        assertThat(two.fit()).isFalse();
        assertThat(two.dimension()).isEqualTo("cpu");
        assertThat(two.used().cpuShares()).isEqualTo(2000);
        assertThat(two.used().memoryMb()).isEqualTo(2048);
    }

    @Test
    void terminalAllocationsTakeNothing() {
        Allocation a = a1();
        Allocation stopped = a.copy();
        stopped.desiredStatus = Allocation.DESIRED_STOP;

        ResourceFit.Result r = ResourceFit.allocsFit(node(), List.of(a, stopped), null, false);

        assertThat(r.fit()).as(r.dimension()).isTrue();
        assertThat(r.used().cpuShares()).isEqualTo(1000);
        assertThat(r.used().memoryMb()).isEqualTo(1024);
    }

    @Test
    void exhaustedDimensionsAreNamedInOrder() {
        Node n = node();
        assertThat(ResourceFit.allocsFit(n, List.of(alloc("m", 500, 2000, 0)), null, false).dimension())
                .isEqualTo("memory");
        assertThat(ResourceFit.allocsFit(n, List.of(alloc("d", 500, 500, 6000)), null, false).dimension())
                .isEqualTo("disk");
    }

    @Test
    void aPortTakenTwiceIsAReservedPortCollision() {
        Node n = new Node();
        n.nodeResources = new NodeResources(4000, 4096, 10000);
        n.nodeResources.networks = List.of(network("eth0", "10.0.0.0/8", null, 100));
        Allocation a = alloc("a", 100, 100, 0, network("eth0", null, "10.0.0.1", 50, port("main", 8000, 80)));
        Allocation b = alloc("b", 100, 100, 0, network("eth0", null, "10.0.0.1", 10, port("main", 8000, 80)));

        assertThat(ResourceFit.allocsFit(n, List.of(a), null, false).fit()).isTrue();
        ResourceFit.Result both = ResourceFit.allocsFit(n, List.of(a, b), null, false);
        assertThat(both.fit()).isFalse();
        assertThat(both.dimension()).isEqualTo(ResourceFit.RESERVED_PORT_COLLISION);

        // Ports the node reserves collide too: on the IPs of its networks, as Nomad reserves them
        // (a network known only by its CIDR reserves nothing on the addresses in it).
        Allocation ssh = alloc("c", 100, 100, 0, network("eth0", null, "10.0.0.1", 1, port("ssh", 22, 0)));
        n.reservedResources = new NodeReservedResources(0, 0, 0, "22");
        assertThat(ResourceFit.allocsFit(n, List.of(ssh), null, false).fit()).isTrue();
        n.nodeResources.networks = List.of(network("eth0", "10.0.0.1/32", "10.0.0.1", 100));
        assertThat(ResourceFit.allocsFit(n, List.of(ssh), null, false).dimension())
                .isEqualTo(ResourceFit.RESERVED_PORT_COLLISION);
    }

    @Test
    void tooMuchBandwidthIsExhausted() {
        Node n = node();
        Allocation a = alloc("a", 100, 100, 0, network("eth0", null, "10.0.0.1", 60, port("x", 8000, 0)));
        Allocation b = alloc("b", 100, 100, 0, network("eth0", null, "10.0.0.1", 60, port("x", 8001, 0)));

        ResourceFit.Result r = ResourceFit.allocsFit(n, List.of(a, b), null, false);

        assertThat(r.dimension()).isEqualTo(ResourceFit.BANDWIDTH_EXCEEDED);
    }

    @Test
    void aGivenNetworkIndexIsTrustedForCollisions() {
        Node n = node();
        Allocation a = alloc("a", 100, 100, 0, network("eth0", null, "10.0.0.1", 50, port("main", 8000, 80)));
        NetworkIndex idx = new NetworkIndex();
        idx.setNode(n);

        assertThat(ResourceFit.allocsFit(n, List.of(a, a.copy()), idx, false).fit()).isTrue();
    }

    @Test
    void preZeroNineNodesAndAllocationsFitByTheirOldResources() {
        Node n = new Node();
        n.resources = resources(2000, 2048, 10000);
        n.resources.networks = List.of(network("eth0", "10.0.0.0/8", null, 100));
        n.reserved = resources(1000, 1024, 5000);
        n.reserved.networks = List.of(network("eth0", null, "10.0.0.1", 50, port("main", 80, 0)));
        Allocation a = new Allocation();
        a.resources = resources(1000, 1024, 5000);
        a.resources.networks = List.of(network("eth0", null, "10.0.0.1", 50, port("main", 8000, 80)));

        ResourceFit.Result one = ResourceFit.allocsFit(n, List.of(a), null, false);
        assertThat(one.fit()).isTrue();
        assertThat(one.used().cpuShares()).isEqualTo(1000);

        ResourceFit.Result two = ResourceFit.allocsFit(n, List.of(a, a), null, false);
        assertThat(two.fit()).isFalse();
        assertThat(two.used().memoryMb()).isEqualTo(2048);
    }

    @Test
    void preZeroNinePortsOvercommitted() {
        Node n = new Node();
        n.resources = resources(0, 0, 0);
        n.resources.networks = List.of(network("eth0", "10.0.0.0/8", null, 100));
        Allocation a = new Allocation();
        a.taskResources = new LinkedHashMap<>();
        Resources web = resources(0, 0, 0);
        web.networks = List.of(network("eth0", null, "10.0.0.1", 50, port("main", 8000, 80)));
        a.taskResources.put("web", web);

        assertThat(ResourceFit.allocsFit(n, List.of(a), null, false).fit()).isTrue();
        assertThat(ResourceFit.allocsFit(n, List.of(a, a), null, false).fit()).isFalse();
    }

    @Test
    void aDeviceInstanceHeldTwiceIsOversubscribed() {
        Node n = Nodes.nvidia("n1");
        String gpu0 = n.nodeResources.devices.get(0).instances.get(0).id;
        Allocation a = alloc("a", 1000, 1024, 5000);
        a.allocatedResources.tasks.get("web").devices =
                List.of(new AllocatedDeviceResource("nvidia", "gpu", "1080ti", List.of(gpu0)));
        Allocation b = alloc("b", 1000, 1024, 5000);
        b.allocatedResources.tasks.get("web").devices =
                List.of(new AllocatedDeviceResource("nvidia", "gpu", "1080ti", List.of(gpu0)));

        assertThat(ResourceFit.allocsFit(n, List.of(a), null, true).fit()).isTrue();
        ResourceFit.Result both = ResourceFit.allocsFit(n, List.of(a, b), null, true);
        assertThat(both.fit()).isFalse();
        assertThat(both.dimension()).isEqualTo(ResourceFit.DEVICE_OVERSUBSCRIBED);
        assertThat(ResourceFit.allocsFit(n, List.of(a, b), null, false).fit()).as("devices not checked").isTrue();

        DeviceAccounter acc = new DeviceAccounter(n);
        acc.addAllocs(List.of(a));
        assertThat(acc.devices().get(new DeviceIdTuple("nvidia", "gpu", "1080ti")).freeCount()).isEqualTo(1);
    }

    @Test
    void binPackAndSpreadScores() {
        Node n = new Node();
        n.nodeResources = new NodeResources(4096, 8192, 0);
        n.reservedResources = new NodeReservedResources(2048, 4096, 0, "");

        assertScores(n, 2048, 4096, 18, 0);
        assertScores(n, 0, 0, 0, 18);
        assertScores(n, 1024, 2048, 13.675, 4.325);

        Node old = new Node();
        old.resources = resources(4096, 8192, 0);
        old.reserved = resources(2048, 4096, 0);
        assertScores(old, 2048, 4096, 18, 0);
        assertScores(old, 1024, 2048, 13.675, 4.325);
    }

    private static void assertScores(Node n, long cpu, long mem, double binPack, double spread) {
        ComparableResources util = new ComparableResources(cpu, mem, 0);
        double b = ResourceFit.scoreFitBinPack(n, util);
        double s = ResourceFit.scoreFitSpread(n, util);
        assertThat(b).isCloseTo(binPack, within(0.001));
        assertThat(s).isCloseTo(spread, within(0.001));
        assertThat(b + s).isCloseTo(18, within(0.001));
    }

    @Test
    void supersetNamesTheFirstShortDimension() {
        ComparableResources big = new ComparableResources(2000, 2048, 10000);
        ComparableResources small = new ComparableResources(2000, 1024, 5000);

        assertThat(big.superset(big)).isNull();
        assertThat(big.superset(small)).isNull();
        assertThat(small.superset(big)).isEqualTo("memory");
        assertThat(small.superset(small)).isNull();
        assertThat(new ComparableResources(1, 0, 0).superset(new ComparableResources(2, 5, 5))).isEqualTo("cpu");
        assertThat(new ComparableResources(5, 5, 0).superset(new ComparableResources(2, 5, 5))).isEqualTo("disk");
    }

    @Test
    void subtractLeavesNetworksToTheIndex() {
        ComparableResources r1 = new ComparableResources(2000, 2048, 10000);
        r1.flattened.networks = List.of(network("", "10.0.0.0/8", null, 100, port("ssh", 22, 0)));
        ComparableResources r2 = new ComparableResources(1000, 1024, 5000);
        r2.flattened.networks = List.of(network("", "10.0.0.0/8", null, 20, port("ssh", 22, 0)));

        r1.subtract(r2);

        assertThat(r1.cpuShares()).isEqualTo(1000);
        assertThat(r1.memoryMb()).isEqualTo(1024);
        assertThat(r1.diskMb()).isEqualTo(5000);
        assertThat(r1.flattened.networks.get(0).mbits).isEqualTo(100);
    }

    @Test
    void addMergesNetworksByDevice() {
        ComparableResources sum = new ComparableResources();
        ComparableResources a = new ComparableResources(100, 100, 10);
        a.flattened.networks = List.of(network("eth0", null, null, 50, port("http", 0, 80)));
        ComparableResources b = new ComparableResources(100, 100, 10);
        b.flattened.networks = List.of(network("eth0", null, null, 25, port("admin", 0, 8080)));

        sum.add(a);
        sum.add(b);

        assertThat(sum.cpuShares()).isEqualTo(200);
        assertThat(sum.diskMb()).isEqualTo(20);
        assertThat(sum.flattened.networks).hasSize(1);
        assertThat(sum.flattened.networks.get(0).mbits).isEqualTo(75);
        assertThat(sum.flattened.networks.get(0).reservedPorts).extracting(p -> p.label).containsExactly("http", "admin");
        assertThat(a.flattened.networks.get(0).mbits).as("the added networks are copied").isEqualTo(50);
    }

    @Test
    void prestartTasksCountOnlyWhileTheyRun() {
        AllocatedResources r = new AllocatedResources();
        r.tasks = new LinkedHashMap<>();
        r.tasks.put("main1", new AllocatedTaskResources(100, 100));
        r.tasks.put("main2", new AllocatedTaskResources(200, 50));
        r.tasks.put("init", new AllocatedTaskResources(250, 400));
        r.tasks.put("sidecar", new AllocatedTaskResources(10, 20));
        r.taskLifecycles = new LinkedHashMap<>();
        r.taskLifecycles.put("init", lifecycle(false));
        r.taskLifecycles.put("sidecar", lifecycle(true));
        r.shared.diskMb = 300L;
        r.shared.networks = List.of(network("eth0", null, "10.0.0.1", 10, port("http", 8080, 0)));

        ComparableResources c = r.comparable();

        // Main tasks sum to 300 MHz / 150 MB; the init task needs 250 / 400 before them: the
        // larger of each, plus the sidecar that runs throughout.
        assertThat(c.cpuShares()).isEqualTo(300 + 10);
        assertThat(c.memoryMb()).isEqualTo(400 + 20);
        assertThat(c.diskMb()).isEqualTo(300);
        assertThat(c.flattened.networks).hasSize(1);
        assertThat(c.flattened.networks.get(0).mbits).isEqualTo(10);
    }

    private static TaskLifecycleConfig lifecycle(boolean sidecar) {
        TaskLifecycleConfig lc = new TaskLifecycleConfig();
        lc.hook = TaskLifecycleConfig.HOOK_PRESTART;
        lc.sidecar = sidecar;
        return lc;
    }

    @Test
    void filterTerminalAllocsKeepsTheNewestTerminalPerName() {
        List<Allocation> l = List.of(
                status("bar", "myname1", Allocation.DESIRED_EVICT, "", 0),
                status("baz", "", Allocation.DESIRED_STOP, "", 0),
                status("foo", "", Allocation.DESIRED_RUN, Allocation.CLIENT_PENDING, 0),
                status("bam", "myname", Allocation.DESIRED_RUN, Allocation.CLIENT_COMPLETE, 5),
                status("lol", "myname", Allocation.DESIRED_RUN, Allocation.CLIENT_COMPLETE, 2));

        Allocations.Filtered f = Allocations.filterTerminalAllocs(l);

        assertThat(f.live()).extracting(a -> a.id).containsExactly("foo");
        assertThat(f.terminalByName()).hasSize(3);
        assertThat(f.terminalByName().get("myname").id).isEqualTo("bam");
    }

    @Test
    void removeAllocsDropsByIdAndKeepsOrder() {
        List<Allocation> l = List.of(status("foo", "", "", "", 0), status("bar", "", "", "", 0),
                status("baz", "", "", "", 0), status("zip", "", "", "", 0));

        assertThat(Allocations.removeAllocs(l, List.of(l.get(1), l.get(3)))).extracting(a -> a.id)
                .containsExactly("foo", "baz");
    }

    @Test
    void denormalizeGivesTheJobToLiveAllocationsOnly() {
        Allocation live = status("a", "", Allocation.DESIRED_RUN, Allocation.CLIENT_RUNNING, 0);
        Allocation dead = status("b", "", Allocation.DESIRED_STOP, Allocation.CLIENT_COMPLETE, 0);
        Job job = Jobs.batch();

        Allocations.denormalizeAllocationJobs(job, List.of(live, dead));

        assertThat(live.job).isSameAs(job);
        assertThat(dead.job).isNull();
    }

    private static Allocation status(String id, String name, String desired, String client, long createIndex) {
        Allocation a = new Allocation();
        a.id = id;
        a.name = name;
        a.desiredStatus = desired;
        a.clientStatus = client;
        a.createIndex = createIndex;
        return a;
    }

    private static Resources resources(int cpu, int mem, int disk) {
        Resources r = new Resources();
        r.cpu = cpu;
        r.memoryMb = mem;
        r.diskMb = disk;
        return r;
    }
}
