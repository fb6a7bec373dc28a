package io.drover.scheduler.reconcile;

import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;

/** A new allocation to place: for a missing name, a migration or a reschedule (Nomad's {@code allocPlaceResult}). */
public record AllocPlaceResult(String name, TaskGroup taskGroup, Allocation previousAllocation, boolean reschedule)
        implements Placement {
    @Override
    public boolean isRescheduling() {
        return reschedule;
    }

    @Override
    public String stopPreviousDescription() {
        return null;
    }
}
