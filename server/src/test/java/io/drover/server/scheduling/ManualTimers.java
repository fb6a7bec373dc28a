package io.drover.server.scheduling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Timers driven by hand: {@link #advance} runs what came due, in order. */
public final class ManualTimers implements Timers {
    private long now;
    private long seq;
    private final List<Entry> pending = new ArrayList<>();

    private final class Entry implements Timers.Timer {
        final long due;
        final long order = seq++;
        final Runnable action;
        boolean done;

        Entry(long due, Runnable action) {
            this.due = due;
            this.action = action;
        }

        @Override
        public synchronized boolean cancel() {
            if (done) {
                return false;
            }
            done = true;
            return true;
        }
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable action) {
        Entry e = new Entry(now + delay.toMillis(), action);
        pending.add(e);
        return e;
    }

    public long nowMillis() {
        return now;
    }

    public void advance(Duration d) {
        long target = now + d.toMillis();
        while (true) {
            Entry next;
            synchronized (this) {
                next = pending.stream().filter(e -> !e.done && e.due <= target)
                        .min(Comparator.comparingLong((Entry e) -> e.due).thenComparingLong(e -> e.order))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                now = next.due;
                next.done = true;
                pending.remove(next);
            }
            next.action.run();
        }
    }
}
