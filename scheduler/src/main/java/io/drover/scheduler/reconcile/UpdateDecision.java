package io.drover.scheduler.reconcile;

import io.drover.model.alloc.Allocation;

/**
 * How an existing allocation meets a new job version: left alone, replaced (destructive), or
 * updated in place to {@code updated}.
 */
public record UpdateDecision(boolean ignore, boolean destructive, Allocation updated) {
    public static final UpdateDecision IGNORE = new UpdateDecision(true, false, null);
    public static final UpdateDecision DESTRUCTIVE = new UpdateDecision(false, true, null);

    public static UpdateDecision inPlace(Allocation updated) {
        return new UpdateDecision(false, false, updated);
    }
}
