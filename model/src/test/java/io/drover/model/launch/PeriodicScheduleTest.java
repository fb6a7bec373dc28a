package io.drover.model.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.PeriodicConfig;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodicScheduleTest {
    private static PeriodicConfig cron(String spec, String tz) {
        PeriodicConfig p = new PeriodicConfig();
        p.enabled = true;
        p.specType = PeriodicConfig.SPEC_CRON;
        p.spec = spec;
        p.timeZone = tz;
        return p;
    }

    private static Instant next(PeriodicConfig p, String after) {
        return PeriodicSchedule.next(p, Instant.parse(after)).orElseThrow();
    }

    @Test
    void fiveFieldsAreReadInUtcByDefault() {
        assertThat(next(cron("*/15 * * * *", null), "2026-11-22T10:07:30Z")).isEqualTo("2026-11-22T10:15:00Z");
        assertThat(next(cron("0 5 * * *", ""), "2026-11-22T05:00:00Z")).isEqualTo("2026-11-23T05:00:00Z");
    }

    @Test
    void secondsAndYearsAreCronexprsSevenAndSixFieldForms() {
        assertThat(next(cron("30 * * * * * *", null), "2026-11-22T10:07:30Z")).isEqualTo("2026-11-22T10:08:30Z");
        assertThat(next(cron("0 0 1 1 * 2030", null), "2026-11-22T10:07:30Z")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(next(cron("@daily", null), "2026-11-22T10:07:30Z")).isEqualTo("2026-11-23T00:00:00Z");
        assertThat(next(cron("0 9 * * mon-fri", null), "2026-11-21T10:00:00Z")).isEqualTo("2026-11-23T09:00:00Z");
    }

    @Test
    void theTimeZoneDecidesTheWallClock() {
        assertThat(next(cron("0 9 * * *", "America/New_York"), "2026-11-22T00:00:00Z"))
                .isEqualTo("2026-11-22T14:00:00Z");
        assertThat(next(cron("0 9 * * *", "Asia/Tokyo"), "2026-11-22T00:00:00Z"))
                .isEqualTo("2026-11-23T00:00:00Z");
    }

    @Test
    void aLaunchInTheSkippedHourMovesForwardAndTheRepeatedHourRunsOnce() {
        // 2026-03-08 in New York: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist.
        PeriodicConfig spring = cron("30 2 * * *", "America/New_York");
        assertThat(next(spring, "2026-03-08T05:00:00Z")).isEqualTo("2026-03-08T07:30:00Z");
        // 2026-11-01: 01:30 happens twice (EDT, then EST); the job launches at the first.
        PeriodicConfig fall = cron("30 1 * * *", "America/New_York");
        Instant first = next(fall, "2026-11-01T04:00:00Z");
        assertThat(first).isEqualTo("2026-11-01T05:30:00Z");
        assertThat(next(fall, first.toString())).isEqualTo("2026-11-02T06:30:00Z");
    }

    @Test
    void theTestSpecListsUnixTimes() {
        PeriodicConfig p = new PeriodicConfig();
        p.specType = PeriodicConfig.SPEC_TEST;
        p.spec = "300,100,200";
        assertThat(PeriodicSchedule.next(p, Instant.ofEpochSecond(150))).contains(Instant.ofEpochSecond(200));
        assertThat(PeriodicSchedule.next(p, Instant.ofEpochSecond(300))).isEmpty();
    }

    @Test
    void childIdsCarryTheirLaunchTime() {
        assertThat(PeriodicChild.childId("batch", 1700000000L)).isEqualTo("batch/periodic-1700000000");
        assertThat(PeriodicChild.launchSeconds("batch/periodic-1700000000")).hasValue(1700000000L);
        assertThat(PeriodicChild.launchSeconds("batch")).isEmpty();
    }
}
