package io.drover.scheduler.generic;

import io.drover.model.ReschedulePolicy;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.RescheduleEvent;
import io.drover.model.alloc.RescheduleTracker;
import io.drover.model.json.GoTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Nomad's updateRescheduleTracker: a replacement of a failed allocation carries its history.
 * With limited attempts only events within the policy's interval are kept (they are what the
 * limit counts); with unlimited attempts only the last few, so the history stays small.
 */
final class RescheduleTrackers {
    private RescheduleTrackers() {
    }

    static void carryOver(Allocation alloc, Allocation prev, Instant now, int maxPastEvents) {
        ReschedulePolicy policy = prev.reschedulePolicy();
        long nowNanos = GoTime.unixNanos(now);
        List<RescheduleEvent> events = new ArrayList<>();
        List<RescheduleEvent> past = prev.rescheduleTracker == null || prev.rescheduleTracker.events == null
                ? List.of() : prev.rescheduleTracker.events;
        if (prev.rescheduleTracker != null) {
            long interval = policy == null || policy.interval == null ? 0 : policy.interval;
            int attempts = policy == null || policy.attempts == null ? 0 : policy.attempts;
            if (attempts > 0) {
                for (RescheduleEvent e : past) {
                    if (interval > 0 && nowNanos - e.rescheduleTime <= interval) {
                        events.add(copy(e));
                    }
                }
            } else {
                for (RescheduleEvent e : past.subList(Math.max(0, past.size() - maxPastEvents), past.size())) {
                    events.add(copy(e));
                }
            }
        }
        events.add(new RescheduleEvent(nowNanos, prev.id, prev.nodeId, prev.nextDelay()));
        alloc.rescheduleTracker = new RescheduleTracker(events);
    }

    private static RescheduleEvent copy(RescheduleEvent e) {
        return new RescheduleEvent(e.rescheduleTime, e.prevAllocId, e.prevNodeId, e.delay);
    }
}
