package io.drover.testkit.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTimelineTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private final ManualTimeline timeline = new ManualTimeline(START);
    private final List<String> ran = new ArrayList<>();

    @Test
    void whatFallsDueRunsInTimeOrderThenSchedulingOrderEachAtItsTime() {
        timeline.schedule(Duration.ofSeconds(2), () -> ran.add("b at " + timeline.elapsed().toSeconds()));
        timeline.schedule(Duration.ofSeconds(1), () -> ran.add("a at " + timeline.elapsed().toSeconds()));
        timeline.schedule(Duration.ofSeconds(2), () -> ran.add("c at " + timeline.elapsed().toSeconds()));
        timeline.schedule(Duration.ofSeconds(3), () -> ran.add("d"));

        timeline.advance(Duration.ofMillis(2500));

        assertThat(ran).containsExactly("a at 1", "b at 2", "c at 2");
        assertThat(timeline.now()).isEqualTo(START.plusMillis(2500));
    }

    @Test
    void anActionMayScheduleMoreWhichRunsIfItFallsDueInTheSameAdvance() {
        timeline.schedule(Duration.ofSeconds(1), () -> {
            ran.add("first");
            timeline.schedule(Duration.ofSeconds(1), () -> ran.add("second"));
            timeline.schedule(Duration.ofSeconds(5), () -> ran.add("later"));
        });

        timeline.advance(Duration.ofSeconds(3));

        assertThat(ran).containsExactly("first", "second");
    }

    @Test
    void aCancelledActionNeverRunsAndOneThatRanCannotBeCancelled() {
        ManualTimeline.Scheduled cancelled = timeline.schedule(Duration.ofSeconds(1), () -> ran.add("cancelled"));
        ManualTimeline.Scheduled done = timeline.schedule(Duration.ofSeconds(1), () -> ran.add("done"));

        assertThat(cancelled.cancel()).isTrue();
        timeline.advance(Duration.ofSeconds(1));

        assertThat(ran).containsExactly("done");
        assertThat(done.cancel()).isFalse();
        assertThat(cancelled.cancel()).isFalse();
    }

    @Test
    void anOverdueActionRunsFirstWithoutTurningTimeBack() {
        timeline.advance(Duration.ofSeconds(10));
        timeline.schedule(Duration.ZERO, () -> ran.add("now"));
        timeline.schedule(Duration.ofSeconds(-5), () -> ran.add("overdue at " + timeline.elapsed().toSeconds()));

        timeline.advance(Duration.ZERO);

        assertThat(ran).containsExactly("overdue at 10", "now");
    }
}
