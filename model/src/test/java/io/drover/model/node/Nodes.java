package io.drover.model.node;

import io.drover.model.NetworkResource;
import io.drover.model.Port;
import io.drover.model.alloc.AllocatedResources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test nodes and allocations, shaped like Nomad's mocks in structs/testing.go. */
public final class Nodes {
    private Nodes() {
    }

    /** Nomad's MockNode: 4000 MHz, 8192 MB, 100 GB on eth0 192.168.0.100/32, with 100 MHz, 256 MB, 4 GB and port 22 reserved. */
    public static Node mock(String id) {
        Node n = new Node();
        n.id = id;
        n.secretId = "secret-" + id;
        n.datacenter = "dc1";
        n.name = "foobar";
        n.attributes = new LinkedHashMap<>(Map.of("kernel.name", "linux", "arch", "x86", "nomad.version", "0.5.0",
                "driver.exec", "1", "driver.mock_driver", "1"));
        n.nodeResources = new NodeResources(4000, 8192, 100 * 1024);
        n.nodeResources.networks = new ArrayList<>(List.of(network("eth0", "192.168.0.100/32", null, 1000)));
        n.reservedResources = new NodeReservedResources(100, 256, 4 * 1024, "22");
        n.links = new LinkedHashMap<>(Map.of("consul", "foobar.dc1"));
        n.meta = new LinkedHashMap<>(Map.of("pci-dss", "true", "database", "mysql", "version", "5.6"));
        n.nodeClass = "linux-medium-pci";
        n.status = Node.STATUS_READY;
        n.schedulingEligibility = Node.ELIGIBLE;
        n.computeClass();
        return n;
    }

    /** Nomad's MockNvidiaNode: the mock node with two healthy nvidia/gpu/1080ti. */
    public static Node nvidia(String id) {
        Node n = mock(id);
        NodeDeviceResource gpu = new NodeDeviceResource();
        gpu.vendor = "nvidia";
        gpu.type = "gpu";
        gpu.name = "1080ti";
        gpu.attributes = new LinkedHashMap<>(Map.of("memory", DeviceAttribute.ofInt(11, "GiB"),
                "cuda_cores", DeviceAttribute.ofInt(3584, "")));
        gpu.instances = List.of(new NodeDeviceResource.NodeDevice(id + "-gpu0", true),
                new NodeDeviceResource.NodeDevice(id + "-gpu1", true));
        n.nodeResources.devices = new ArrayList<>(List.of(gpu));
        n.computeClass();
        return n;
    }

    public static NetworkResource network(String device, String cidr, String ip, int mbits, Port... reserved) {
        NetworkResource n = new NetworkResource();
        n.mode = "";
        n.device = device;
        n.cidr = cidr == null ? "" : cidr;
        n.ip = ip == null ? "" : ip;
        n.mbits = mbits;
        if (reserved.length > 0) {
            n.reservedPorts = new ArrayList<>(List.of(reserved));
        }
        return n;
    }

    public static Port port(String label, int value, int to) {
        return new Port(label, value, to);
    }

    /** An allocation holding one task "web" with this CPU, memory, disk and networks. */
    public static Allocation alloc(String id, long cpu, long memory, long disk, NetworkResource... networks) {
        Allocation a = new Allocation();
        a.id = id;
        a.desiredStatus = Allocation.DESIRED_RUN;
        a.clientStatus = Allocation.CLIENT_PENDING;
        a.allocatedResources = new AllocatedResources();
        AllocatedTaskResources web = new AllocatedTaskResources(cpu, memory);
        if (networks.length > 0) {
            web.networks = new ArrayList<>(List.of(networks));
        }
        a.allocatedResources.tasks = new LinkedHashMap<>(Map.of("web", web));
        a.allocatedResources.shared.diskMb = disk;
        return a;
    }
}
