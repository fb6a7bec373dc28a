package io.drover.model.resources;

import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.ComparableResources;
import io.drover.model.node.Node;
import java.util.List;

/**
 * Whether allocations fit on a node, and how well (Nomad's {@code AllocsFit},
 * {@code ScoreFitBinPack} and {@code ScoreFitSpread}). Pure functions of their arguments.
 */
public final class ResourceFit {
    public static final String RESERVED_PORT_COLLISION = "reserved port collision";
    public static final String BANDWIDTH_EXCEEDED = "bandwidth exceeded";
    public static final String DEVICE_OVERSUBSCRIBED = "device oversubscribed";

    private ResourceFit() {
    }

    /**
     * Nomad's AllocsFit: whether the non-terminal {@code allocs} together fit on {@code node}
     * after its reservations. Checks CPU, memory and disk, then ports and bandwidth, then (with
     * {@code checkDevices}) device instances. A given {@code netIdx} is trusted to be free of
     * collisions already; without one, an index is built from the node and {@code allocs}. The
     * result names the first exhausted dimension ({@code cpu}, {@code memory}, {@code disk},
     * {@value #RESERVED_PORT_COLLISION}, {@value #BANDWIDTH_EXCEEDED} or
     * {@value #DEVICE_OVERSUBSCRIBED}) and always carries the summed usage.
     */
    public static Result allocsFit(Node node, List<Allocation> allocs, NetworkIndex netIdx, boolean checkDevices) {
        ComparableResources used = new ComparableResources();
        for (Allocation a : allocs) {
            if (!a.terminalStatus()) {
                used.add(a.comparableResources());
            }
        }

        ComparableResources available = node.comparableResources();
        available.subtract(node.comparableReservedResources());
        String dimension = available.superset(used);
        if (dimension != null) {
            return new Result(false, dimension, used);
        }

        if (netIdx == null) {
            netIdx = new NetworkIndex();
            // Both run, as in Nomad only when the first finds no collision.
            if (netIdx.setNode(node) || netIdx.addAllocs(allocs)) {
                return new Result(false, RESERVED_PORT_COLLISION, used);
            }
        }
        if (netIdx.overcommitted()) {
            return new Result(false, BANDWIDTH_EXCEEDED, used);
        }

        if (checkDevices && new DeviceAccounter(node).addAllocs(allocs)) {
            return new Result(false, DEVICE_OVERSUBSCRIBED, used);
        }
        return new Result(true, "", used);
    }

    /** The outcome of {@link #allocsFit}: {@code dimension} is "" when it fits. */
    public record Result(boolean fit, String dimension, ComparableResources used) {
    }

    /**
     * Nomad's ScoreFitBinPack, in [0, 18]: higher the fuller the node's CPU and memory would be
     * with {@code util}. It is 20 - (10^freeCpu + 10^freeMemory), free shares counted after the
     * node's reservations (BestFit v3).
     */
    public static double scoreFitBinPack(Node node, ComparableResources util) {
        double[] free = freePercentage(node, util);
        double score = 20.0 - (Math.pow(10, free[0]) + Math.pow(10, free[1]));
        return clamp(score);
    }

    /** Nomad's ScoreFitSpread, in [0, 18]: higher the emptier the node would be (worst fit). */
    public static double scoreFitSpread(Node node, ComparableResources util) {
        double[] free = freePercentage(node, util);
        double score = Math.pow(10, free[0]) + Math.pow(10, free[1]) - 2;
        return clamp(score);
    }

    private static double clamp(double score) {
        if (score > 18.0) {
            return 18.0;
        }
        if (score < 0) {
            return 0;
        }
        return score;
    }

    private static double[] freePercentage(Node node, ComparableResources util) {
        ComparableResources reserved = node.comparableReservedResources();
        ComparableResources res = node.comparableResources();
        double nodeCpu = res.cpuShares();
        double nodeMem = res.memoryMb();
        if (reserved != null) {
            nodeCpu -= reserved.cpuShares();
            nodeMem -= reserved.memoryMb();
        }
        return new double[] {1 - (util.cpuShares() / nodeCpu), 1 - (util.memoryMb() / nodeMem)};
    }
}
