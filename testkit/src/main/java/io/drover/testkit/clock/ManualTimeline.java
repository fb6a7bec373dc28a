package io.drover.testkit.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Time that passes only when a test says so, and the actions scheduled on it: {@link #advance}
 * runs what falls due, in time order (in scheduling order at the same time), on the test's own
 * thread, each seeing "now" at its due time. An action may schedule more; what falls due within
 * the same advance runs too. Modules adapt it to their timer interfaces.
 */
public final class ManualTimeline {
    /** One scheduled action; {@link #cancel} keeps it from running. */
    public final class Scheduled {
        private final long dueNanos;
        private final long order;
        private final Runnable action;
        private boolean done;

        private Scheduled(long dueNanos, long order, Runnable action) {
            this.dueNanos = dueNanos;
            this.order = order;
            this.action = action;
        }

        /** False if it already ran or was cancelled. */
        public boolean cancel() {
            synchronized (ManualTimeline.this) {
                if (done) {
                    return false;
                }
                done = true;
                return true;
            }
        }
    }

    private final Instant start;
    private final PriorityQueue<Scheduled> pending = new PriorityQueue<>((a, b) ->
            a.dueNanos != b.dueNanos ? Long.compare(a.dueNanos, b.dueNanos) : Long.compare(a.order, b.order));
    private long nanos;
    private long seq;

    public ManualTimeline(Instant start) {
        this.start = start;
    }

    public synchronized Instant now() {
        return start.plusNanos(nanos);
    }

    /** Time passed since the start. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(nanos);
    }

    /**
     * Schedules {@code action} {@code delay} from now. A negative delay is overdue: it runs
     * before what is due now, at the current time (time never runs backwards).
     */
    public synchronized Scheduled schedule(Duration delay, Runnable action) {
        Scheduled s = new Scheduled(nanos + delay.toNanos(), seq++, action);
        pending.add(s);
        return s;
    }

    public void advance(Duration by) {
        long until;
        synchronized (this) {
            until = nanos + by.toNanos();
        }
        while (true) {
            Scheduled next;
            synchronized (this) {
                next = pending.peek();
                if (next == null || next.dueNanos > until) {
                    nanos = until;
                    return;
                }
                pending.poll();
                if (next.done) {
                    continue;
                }
                next.done = true;
                nanos = Math.max(nanos, next.dueNanos);
            }
            // outside the lock: the action may schedule, cancel or read the time
            next.action.run();
        }
    }
}
