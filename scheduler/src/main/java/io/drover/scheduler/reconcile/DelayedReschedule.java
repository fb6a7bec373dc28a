package io.drover.scheduler.reconcile;

import io.drover.model.alloc.Allocation;
import java.time.Instant;

/** An allocation to replace later, at {@code rescheduleTime} (Nomad's {@code delayedRescheduleInfo}). */
public record DelayedReschedule(Allocation alloc, Instant rescheduleTime) {
}
