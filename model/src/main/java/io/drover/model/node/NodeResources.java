package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.NetworkResource;
import io.drover.model.Networks;
import io.drover.model.alloc.ComparableResources;
import io.drover.model.json.GoZero;
import java.util.List;

/**
 * What a node offers to allocations (Nomad's {@code structs.NodeResources}): CPU in MHz,
 * memory and disk in MB, its networks (one per device and address) and device groups. CPU,
 * memory and disk are Go values, so they are never null.
 */
public final class NodeResources {
    @JsonProperty("Cpu") public NodeCpuResources cpu = new NodeCpuResources();
    @JsonProperty("Memory") public NodeMemoryResources memory = new NodeMemoryResources();
    @JsonProperty("Disk") public NodeDiskResources disk = new NodeDiskResources();
    @JsonProperty("Networks") public List<NetworkResource> networks;
    @JsonProperty("Devices") public List<NodeDeviceResource> devices;

    public NodeResources() {
    }

    public NodeResources(long cpuShares, long memoryMb, long diskMb) {
        cpu = new NodeCpuResources(cpuShares);
        memory = new NodeMemoryResources(memoryMb);
        disk = new NodeDiskResources(diskMb);
    }

    /** Nomad's Comparable: the totals, with copies of the node's networks. */
    public ComparableResources comparable() {
        ComparableResources c = new ComparableResources(GoZero.lng(cpu.cpuShares), GoZero.lng(memory.memoryMb),
                GoZero.lng(disk.diskMb));
        c.flattened.networks = Networks.copy(networks);
        return c;
    }
}
