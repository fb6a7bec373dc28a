package io.drover.server.scheduling;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Delayed actions, behind an interface so tests can run time by hand. */
public interface Timers {
    /** A scheduled action that can be called off. */
    interface Timer {
        /** Calls the action off; false if it already ran (or was cancelled). */
        boolean cancel();
    }

    Timer schedule(Duration delay, Runnable action);

    static Timers of(ScheduledExecutorService executor) {
        return (delay, action) -> {
            ScheduledFuture<?> f = executor.schedule(action, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        };
    }
}
