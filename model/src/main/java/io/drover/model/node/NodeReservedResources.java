package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.alloc.ComparableResources;
import io.drover.model.json.GoZero;

/**
 * What a node keeps back from allocations (Nomad's {@code structs.NodeReservedResources}): CPU,
 * memory, disk and host ports. Nomad's reserved CPU, memory and disk types have the same shape
 * as the node's own, so {@link NodeCpuResources} and friends stand for them.
 */
public final class NodeReservedResources {
    @JsonProperty("Cpu") public NodeCpuResources cpu = new NodeCpuResources();
    @JsonProperty("Memory") public NodeMemoryResources memory = new NodeMemoryResources();
    @JsonProperty("Disk") public NodeDiskResources disk = new NodeDiskResources();
    @JsonProperty("Networks") public NodeReservedNetworkResources networks = new NodeReservedNetworkResources();

    public NodeReservedResources() {
    }

    public NodeReservedResources(long cpuShares, long memoryMb, long diskMb, String reservedHostPorts) {
        cpu = new NodeCpuResources(cpuShares);
        memory = new NodeMemoryResources(memoryMb);
        disk = new NodeDiskResources(diskMb);
        networks.reservedHostPorts = reservedHostPorts;
    }

    /** Nomad's Comparable: CPU, memory and disk; reserved ports are for the {@link NetworkIndex}. */
    public ComparableResources comparable() {
        return new ComparableResources(GoZero.lng(cpu.cpuShares), GoZero.lng(memory.memoryMb), GoZero.lng(disk.diskMb));
    }
}
