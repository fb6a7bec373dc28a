package io.drover.scheduler.reconcile;

import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;

/**
 * An allocation the scheduler must place (Nomad's {@code placementResult}), possibly replacing
 * a previous one. A destructive update stops its previous allocation only if the replacement
 * is placed, so an update that does not fit never takes the job down.
 */
public sealed interface Placement permits AllocPlaceResult, AllocDestructiveResult {
    TaskGroup taskGroup();

    String name();

    /** The allocation this one replaces, or null. */
    Allocation previousAllocation();

    /** Whether this replaces a failed allocation (its reschedule history carries over). */
    boolean isRescheduling();

    /** The description to stop the previous allocation with when this is placed, or null to leave it. */
    String stopPreviousDescription();
}
