package io.drover.scheduler.reconcile;

import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;

/** A replacement for an allocation whose job changed too much to update in place (Nomad's {@code allocDestructiveResult}). */
public record AllocDestructiveResult(String name, TaskGroup taskGroup, Allocation stopAlloc, String stopDescription)
        implements Placement {
    @Override
    public Allocation previousAllocation() {
        return stopAlloc;
    }

    @Override
    public boolean isRescheduling() {
        return false;
    }

    @Override
    public String stopPreviousDescription() {
        return stopDescription;
    }
}
