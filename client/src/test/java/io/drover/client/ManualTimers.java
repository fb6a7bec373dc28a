package io.drover.client;

import io.drover.testkit.clock.ManualTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/** Timers on a clock the test moves: {@link #advance} runs what falls due, in time order, on the test's thread. */
public final class ManualTimers implements ClientTimers {
    private final ManualTimeline timeline;

    public ManualTimers(Instant start) {
        this.timeline = new ManualTimeline(start);
    }

    @Override
    public Instant now() {
        return timeline.now();
    }

    /** A negative delay is due now, as on a real scheduler. */
    @Override
    public Future<?> schedule(long delayNanos, Runnable action) {
        // a cancelled FutureTask does nothing when it falls due
        FutureTask<?> task = new FutureTask<>(action, null);
        timeline.schedule(Duration.ofNanos(Math.max(0, delayNanos)), task);
        return task;
    }

    public void advance(Duration by) {
        timeline.advance(by);
    }
}
