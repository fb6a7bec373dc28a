package io.drover.client;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time as a node's tasks and allocations see it (nodesim's and the real agent's): the wall
 * clock for the times they report, and timers that run on the node's one state thread. Tests
 * pass a manual implementation to step time by hand.
 */
public interface ClientTimers {
    Instant now();

    /** Runs {@code action} after {@code delayNanos} on the node's state thread; cancel the result to drop it. */
    Future<?> schedule(long delayNanos, Runnable action);

    /** The real thing: {@code clock} for times, {@code executor} (single-threaded) for timers. */
    static ClientTimers of(Clock clock, ScheduledExecutorService executor) {
        return new ClientTimers() {
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
