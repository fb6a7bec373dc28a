package io.drover.client;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time as nodesim's tasks and nodes see it: the wall clock for the times they report, and
 * timers that run on the simulator's one thread. Tests pass a manual implementation to step
 * time by hand.
 */
interface SimTimers {
    Instant now();

    /** Runs {@code action} after {@code delayNanos} on the simulator's thread; cancel the result to drop it. */
    Future<?> schedule(long delayNanos, Runnable action);

    /** The real thing: {@code clock} for times, {@code executor} (single-threaded) for timers. */
    static SimTimers of(Clock clock, ScheduledExecutorService executor) {
        return new SimTimers() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public Future<?> schedule(long delayNanos, Runnable action) {
                return executor.schedule(action, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            }
        };
    }
}
