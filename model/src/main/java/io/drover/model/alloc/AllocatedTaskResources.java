package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.NetworkResource;
import io.drover.model.Networks;
import io.drover.model.json.GoZero;
import java.util.ArrayList;
import java.util.List;

/**
 * What one task of an allocation was given (Nomad's {@code structs.AllocatedTaskResources}).
 * CPU and memory are Go values, so they are never null; a new instance is Go's zero value.
 */
public final class AllocatedTaskResources {
    @JsonProperty("Cpu") public AllocatedCpuResources cpu = new AllocatedCpuResources();
    @JsonProperty("Memory") public AllocatedMemoryResources memory = new AllocatedMemoryResources();
    @JsonProperty("Networks") public List<NetworkResource> networks;
    @JsonProperty("Devices") public List<AllocatedDeviceResource> devices;

    public AllocatedTaskResources() {
    }

    public AllocatedTaskResources(long cpuShares, long memoryMb) {
        cpu = new AllocatedCpuResources(cpuShares);
        memory = new AllocatedMemoryResources(memoryMb);
    }

    /** A deep copy. */
    public AllocatedTaskResources copy() {
        AllocatedTaskResources c = new AllocatedTaskResources(GoZero.lng(cpu.cpuShares), GoZero.lng(memory.memoryMb));
        c.networks = Networks.copy(networks);
        if (devices != null) {
            c.devices = new ArrayList<>(devices.size());
            for (AllocatedDeviceResource d : devices) {
                c.devices.add(d.copy());
            }
        }
        return c;
    }

    /** Nomad's Add: sums CPU and memory, and merges networks by device and devices by identity. */
    public void add(AllocatedTaskResources delta) {
        if (delta == null) {
            return;
        }
        cpu.add(delta.cpu);
        memory.add(delta.memory);
        mergeNetworksAndDevices(delta);
    }

    /**
     * Nomad's Max: the larger CPU and memory of the two, but networks and devices summed, as
     * Nomad does when a prestart task's usage is weighed against the main tasks'.
     */
    public void max(AllocatedTaskResources other) {
        if (other == null) {
            return;
        }
        cpu.max(other.cpu);
        memory.max(other.memory);
        mergeNetworksAndDevices(other);
    }

    /** Nomad's Subtract: CPU and memory only; the network index accounts for networks. */
    public void subtract(AllocatedTaskResources delta) {
        if (delta == null) {
            return;
        }
        cpu.subtract(delta.cpu);
        memory.subtract(delta.memory);
    }

    /** Nomad's Comparable: this task's CPU, memory and (copies of its) networks, with no disk. */
    public ComparableResources comparable() {
        ComparableResources c = new ComparableResources();
        c.flattened = new AllocatedTaskResources(GoZero.lng(cpu.cpuShares), GoZero.lng(memory.memoryMb));
        c.flattened.networks = Networks.copy(networks);
        return c;
    }

    private void mergeNetworksAndDevices(AllocatedTaskResources delta) {
        for (NetworkResource n : GoZero.list(delta.networks)) {
            networks = Networks.addByDevice(networks, n);
        }
        for (AllocatedDeviceResource d : GoZero.list(delta.devices)) {
            int idx = AllocatedDeviceResource.index(devices, d);
            if (idx == -1) {
                devices = devices == null ? new ArrayList<>() : new ArrayList<>(devices);
                devices.add(d.copy());
            } else {
                devices.get(idx).add(d);
            }
        }
    }
}
