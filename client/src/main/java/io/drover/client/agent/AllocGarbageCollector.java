package io.drover.client.agent;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * Decides which finished allocations a node removes, as Nomad's client garbage collector:
 * while the node holds more than {@code gc_max_allocs} allocations, or its alloc directory's
 * disk is fuller than {@code gc_disk_usage_threshold}, the allocation that finished first goes.
 * Only allocations the servers also see as terminal are candidates, so a removed allocation
 * never comes back to life from an update the servers sent before they knew it ended.
 *
 * <p>Pure bookkeeping on the node's state thread: what removing means is the agent's.
 */
final class AllocGarbageCollector {
    private final AllocGcPolicy policy;
    private final IntSupplier allocCount;
    private final DoubleSupplier diskUsagePercent;
    /** Terminal allocations in the order they finished. */
    private final Set<String> finished = new LinkedHashSet<>();

    /**
     * @param allocCount how many allocations the node holds now
     * @param diskUsagePercent how full the alloc directory's disk is now, in percent
     */
    AllocGarbageCollector(AllocGcPolicy policy, IntSupplier allocCount, DoubleSupplier diskUsagePercent) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.allocCount = Objects.requireNonNull(allocCount, "allocCount");
        this.diskUsagePercent = Objects.requireNonNull(diskUsagePercent, "diskUsagePercent");
    }

    /** The allocation has finished on this node (again: its place in line stays). */
    void finished(String allocId) {
        finished.add(allocId);
    }

    /**
     * The next allocation to remove now, the one that finished first, or null when the node is
     * within its limits (or nothing can go). Call again after removing it: the counts and the
     * disk are measured afresh each time.
     *
     * @param serverKnowsTerminal whether the servers' copy of an allocation is terminal
     * @param incoming how many new allocations are about to be added
     */
    String next(Predicate<String> serverKnowsTerminal, int incoming) {
        if (allocCount.getAsInt() + incoming <= policy.maxAllocs()
                && diskUsagePercent.getAsDouble() < policy.diskUsageThreshold()) {
            return null;
        }
        for (String id : finished) {
            if (serverKnowsTerminal.test(id)) {
                finished.remove(id);
                return id;
            }
        }
        return null;
    }
}
