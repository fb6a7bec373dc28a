package io.drover.scheduler.reconcile;

import io.drover.model.Allocation;
import io.drover.model.TaskGroup;

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
