package io.drover.server.scheduling;

import io.drover.testkit.clock.ManualTimeline;
import java.time.Duration;
import java.time.Instant;

/**
 * Timers driven by hand: {@link #advance} runs what came due, in order. Delays are whole
 * milliseconds, as the servers' timers count them.
 */
public final class ManualTimers implements Timers {
    private final ManualTimeline timeline = new ManualTimeline(Instant.EPOCH);

    @Override
    public Timer schedule(Duration delay, Runnable action) {
        return timeline.schedule(Duration.ofMillis(delay.toMillis()), action)::cancel;
    }

    public long nowMillis() {
        return timeline.elapsed().toMillis();
    }

    public void advance(Duration d) {
        timeline.advance(Duration.ofMillis(d.toMillis()));
    }
}
