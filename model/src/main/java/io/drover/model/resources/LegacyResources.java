package io.drover.model.resources;

import io.drover.model.NetworkResource;
import io.drover.model.Networks;
import io.drover.model.Resources;
import io.drover.model.alloc.AllocatedTaskResources;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoZero;
import io.drover.model.node.NodeReservedResources;
import io.drover.model.node.NodeResources;
import java.util.List;
import java.util.Map;

/**
 * The pre-0.9 resource shapes ({@code structs.Resources}) Nomad 0.11 still writes next to the
 * new ones: a node's {@code Resources} and {@code Reserved}, an allocation's
 * {@code TaskResources}, {@code SharedResources} and their sum, {@code Resources}. Nomad 0.11's
 * own CLI reads them ({@code nomad node status} and {@code nomad alloc status} dereference their
 * numbers unchecked and panic where they are missing), so every number is written as Go writes
 * an int, 0 and never null; IOPS, long unused, stays 0.
 */
public final class LegacyResources {
    private LegacyResources() {
    }

    /** Nomad's client fingerprints fill {@code Resources} from the same figures as {@code NodeResources}. */
    public static Resources ofNode(NodeResources node) {
        Resources r = zero();
        r.cpu = (int) GoZero.lng(node.cpu.cpuShares);
        r.memoryMb = (int) GoZero.lng(node.memory.memoryMb);
        r.diskMb = (int) GoZero.lng(node.disk.diskMb);
        r.networks = Networks.copy(node.networks);
        return r;
    }

    /**
     * Nomad's agent sets {@code Reserved} from the client's reserved CPU, memory and disk; the
     * reserved host ports go only to {@code ReservedResources}, so it has no networks.
     */
    public static Resources ofReserved(NodeReservedResources reserved) {
        Resources r = zero();
        r.cpu = (int) GoZero.lng(reserved.cpu.cpuShares);
        r.memoryMb = (int) GoZero.lng(reserved.memory.memoryMb);
        r.diskMb = (int) GoZero.lng(reserved.disk.diskMb);
        return r;
    }

    /** Nomad's OldTaskResources, per task: its CPU, memory and networks (the very list, not a copy). */
    public static Resources ofTask(AllocatedTaskResources task) {
        Resources r = zero();
        r.cpu = (int) GoZero.lng(task.cpu.cpuShares);
        r.memoryMb = (int) GoZero.lng(task.memory.memoryMb);
        r.networks = task.networks;
        return r;
    }

    /** The schedulers' {@code SharedResources}: the group's ephemeral disk and shared networks. */
    public static Resources shared(int diskMb, List<NetworkResource> networks) {
        Resources r = zero();
        r.diskMb = diskMb;
        r.networks = networks;
        return r;
    }

    /**
     * Nomad's state store, storing a plan's allocations (addComputedAllocAttrs): an allocation
     * without {@code Resources} gets the sum of its task and shared resources (CPU, memory and
     * disk added, networks merged by device; IOPS is not summed), zero where it has neither.
     */
    public static void fillTotal(Allocation alloc) {
        if (alloc.resources != null) {
            return;
        }
        Resources total = zero();
        if (alloc.taskResources != null) {
            for (Map.Entry<String, Resources> task : alloc.taskResources.entrySet()) {
                add(total, task.getValue());
            }
        }
        add(total, alloc.sharedResources);
        alloc.resources = total;
    }

    /**
     * For an allocation stored before these fields were written (its store older than this
     * version): every task's and the shared numbers at 0 where missing, the shared block and the
     * total where absent, so Nomad's CLI can read it. Changes {@code alloc}: pass a reader's copy.
     */
    public static void fillAnswered(Allocation alloc) {
        if (alloc.taskResources != null) {
            alloc.taskResources.values().forEach(LegacyResources::zeroWhereMissing);
        }
        if (alloc.sharedResources == null) {
            alloc.sharedResources = zero();
        }
        zeroWhereMissing(alloc.sharedResources);
        fillTotal(alloc);
        zeroWhereMissing(alloc.resources);
    }

    private static void zeroWhereMissing(Resources r) {
        if (r == null) {
            return;
        }
        r.cpu = GoZero.num(r.cpu);
        r.memoryMb = GoZero.num(r.memoryMb);
        r.diskMb = GoZero.num(r.diskMb);
        r.iops = GoZero.num(r.iops);
    }

    private static void add(Resources into, Resources delta) {
        if (delta == null) {
            return;
        }
        into.cpu += GoZero.num(delta.cpu);
        into.memoryMb += GoZero.num(delta.memoryMb);
        into.diskMb += GoZero.num(delta.diskMb);
        for (NetworkResource n : GoZero.list(delta.networks)) {
            into.networks = Networks.addByDevice(into.networks, n);
        }
    }

    private static Resources zero() {
        Resources r = new Resources();
        r.cpu = 0;
        r.memoryMb = 0;
        r.diskMb = 0;
        r.iops = 0;
        return r;
    }
}
