package io.drover.client;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Timers on a clock the test moves: {@link #advance} runs what falls due, in time order, on the test's thread. */
public final class ManualTimers implements ClientTimers {
    private record Due(long at, long seq, FutureTask<?> task) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>((a, b) ->
            a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final Instant start;
    private long nanos;
    private long seq;

    public ManualTimers(Instant start) {
        this.start = start;
    }

    @Override
    public Instant now() {
        return start.plusNanos(nanos);
    }

    @Override
    public Future<?> schedule(long delayNanos, Runnable action) {
        FutureTask<?> task = new FutureTask<>(action, null);
        queue.add(new Due(nanos + Math.max(0, delayNanos), seq++, task));
        return task;
    }

    public void advance(Duration by) {
        long until = nanos + by.toNanos();
        while (!queue.isEmpty() && queue.peek().at <= until) {
            Due d = queue.poll();
            nanos = d.at;
            d.task.run();
        }
        nanos = until;
    }
}
