package io.drover.scheduler;

import io.drover.model.alloc.Allocation;
import io.drover.model.scheduling.PlanResult;
import java.util.List;
import java.util.Map;

/** Nomad's adjustQueuedAllocations: each newly created allocation the applier committed is no longer queued. */
public final class QueuedAllocations {
    private QueuedAllocations() {
    }

    public static void adjust(PlanResult result, Map<String, Integer> queued) {
        if (result == null || result.nodeAllocation == null) {
            return;
        }
        for (List<Allocation> allocs : result.nodeAllocation.values()) {
            for (Allocation a : allocs) {
                // An in-place update keeps its CreateIndex; only new allocations were queued.
                if (!java.util.Objects.equals(a.createIndex, a.modifyIndex)) {
                    continue;
                }
                queued.computeIfPresent(a.taskGroup, (k, v) -> v - 1);
            }
        }
    }
}
