package io.drover.client.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.driver.ExitResult;
import io.drover.model.Job;
import io.drover.model.RestartPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A restart tracker resumed from another's usage, as after an agent restart, goes on counting. */
class RestartTrackerTest {
    private static final RestartPolicy ONE_IN_FIVE_MINUTES = new RestartPolicy(1, Duration.ofMinutes(5).toNanos(),
            Duration.ofSeconds(1).toNanos(), RestartPolicy.MODE_FAIL);
    private static final ExitResult EXIT_3 = new ExitResult(3, 0, "");

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private RestartTracker tracker() {
        return new RestartTracker(ONE_IN_FIVE_MINUTES, Job.TYPE_SERVICE, () -> now, new Random(1));
    }

    @Test
    void aResumedTrackerCountsTheRestartsUsedBefore() {
        RestartTracker before = tracker();
        assertThat(before.exited(EXIT_3).decision()).isEqualTo(RestartTracker.Decision.RESTARTING);
        RestartTracker.Usage used = before.usage();
        assertThat(used).isEqualTo(new RestartTracker.Usage(1, now));

        now = now.plusSeconds(30);
        RestartTracker after = tracker();
        after.resume(used);

        RestartTracker.Outcome outcome = after.exited(EXIT_3);
        assertThat(outcome.decision()).isEqualTo(RestartTracker.Decision.NOT_RESTARTING);
        assertThat(outcome.reason()).isEqualTo("Exceeded allowed attempts 1 in interval 5m0s and mode is \"fail\"");
    }

    @Test
    void theResumedIntervalStillEndsWhenItWould() {
        RestartTracker before = tracker();
        before.exited(EXIT_3);

        now = now.plus(Duration.ofMinutes(6));
        RestartTracker after = tracker();
        after.resume(before.usage());

        assertThat(after.exited(EXIT_3).decision()).isEqualTo(RestartTracker.Decision.RESTARTING);
        assertThat(after.usage()).isEqualTo(new RestartTracker.Usage(1, now));
    }
}
