package io.drover.scheduler.reconcile;

import io.drover.model.alloc.Allocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts a group's untainted allocations into those that count against its count, failed ones
 * to replace now, and failed ones to replace later (Nomad's {@code filterByRescheduleable}).
 * There are no deployments here, so no deployment holds a failed allocation back.
 */
public final class RescheduleFilter {
    /** A failed allocation due within this window is replaced now rather than by a delayed evaluation. */
    static final Duration RESCHEDULE_WINDOW = Duration.ofSeconds(1);

    private RescheduleFilter() {
    }

    /** The parts of a group's allocations, as {@link #split} sorts them. */
    public record Split(AllocSet untainted, AllocSet rescheduleNow, List<DelayedReschedule> rescheduleLater) {
    }

    public static Split split(AllocSet allocs, boolean batch, Instant now, String evalId) {
        AllocSet untainted = AllocSet.empty();
        AllocSet rescheduleNow = AllocSet.empty();
        List<DelayedReschedule> later = new ArrayList<>();
        for (Allocation a : allocs.values()) {
            // Already replaced: its replacement counts instead.
            if (!a.nextAllocation.isEmpty()) {
                continue;
            }
            Filter f = batch ? batchFilter(a) : serviceFilter(a);
            if (f == Filter.UNTAINTED) {
                untainted.add(a);
                continue;
            }
            if (f == Filter.IGNORE) {
                continue;
            }
            // Only failed allocations the servers still want reach here.
            boolean forced = a.desiredTransition != null && a.desiredTransition.shouldForceReschedule();
            Allocation.RescheduleTime next = a.nextRescheduleTime();
            boolean dueNow = next.eligible() && (a.followupEvalId.equals(evalId)
                    || Duration.between(now, next.time()).compareTo(RESCHEDULE_WINDOW) <= 0);
            if (forced || dueNow) {
                rescheduleNow.add(a);
            } else {
                untainted.add(a);
                if (next.eligible() && a.followupEvalId.isEmpty()) {
                    later.add(new DelayedReschedule(a, next.time()));
                }
            }
        }
        return new Split(untainted, rescheduleNow, later);
    }

    private enum Filter { UNTAINTED, IGNORE, RESCHEDULE_CANDIDATE }

    /**
     * Batch allocations: a stopped one counts only if it ran to success (so it is not run
     * again); a failed one may be rescheduled; anything else counts.
     */
    private static Filter batchFilter(Allocation a) {
        if (a.serverTerminalStatus()) {
            return a.ranSuccessfully() ? Filter.UNTAINTED : Filter.IGNORE;
        }
        return Allocation.CLIENT_FAILED.equals(a.clientStatus) ? Filter.RESCHEDULE_CANDIDATE : Filter.UNTAINTED;
    }

    /** Service allocations: stopped, complete or lost ones are ignored; the others may be rescheduled. */
    private static Filter serviceFilter(Allocation a) {
        if (a.serverTerminalStatus()) {
            return Filter.IGNORE;
        }
        if (Allocation.CLIENT_COMPLETE.equals(a.clientStatus) || Allocation.CLIENT_LOST.equals(a.clientStatus)) {
            return Filter.IGNORE;
        }
        // Running ones too: a forced reschedule applies to them, and the rest stay untainted.
        return Filter.RESCHEDULE_CANDIDATE;
    }
}
