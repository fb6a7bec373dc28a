package io.drover.server.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.model.Job;
import io.drover.model.PeriodicConfig;
import io.drover.model.json.GoTime;
import io.drover.model.json.NomadJson;
import io.drover.proto.raft.RaftCommand;
import io.drover.server.leader.Stamps;
import io.drover.server.testing.TestStore;
import io.drover.state.StateReader;
import io.drover.testkit.clock.ManualClock;
import io.drover.testkit.fixtures.Commands;
import io.drover.testkit.fixtures.JobBody;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periodic launcher over a real state store with a manual clock; its writes applied as Raft would. */
class PeriodicDispatcherTest {
    private static final Instant REGISTERED = Instant.parse("2026-03-07T12:01:00Z");

    @TempDir
    Path dir;
    TestStore state;
    ManualClock clock;
    int leaders;

    @BeforeEach
    void setUp() {
        state = new TestStore(dir);
        clock = new ManualClock(REGISTERED);
    }

    @AfterEach
    void tearDown() {
        state.close();
    }

    /** A new leader's dispatcher; each leader draws its own IDs, as servers do. */
    private PeriodicDispatcher leader() {
        return new PeriodicDispatcher(state.store(), new Stamps(clock, new Random(++leaders)),
                command -> CompletableFuture.completedFuture(state.apply(command)));
    }

    private void register(String spec, String timeZone, boolean prohibitOverlap) {
        Job job = JobBody.batch("cron").canonical();
        job.periodic = new PeriodicConfig();
        job.periodic.enabled = true;
        job.periodic.specType = PeriodicConfig.SPEC_CRON;
        job.periodic.spec = spec;
        job.periodic.timeZone = timeZone;
        job.periodic.prohibitOverlap = prohibitOverlap;
        state.apply(Commands.register(job, GoTime.unixNanos(clock.instant())));
    }

    private void at(String instant) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private static List<String> children(List<RaftCommand> commands) {
        return commands.stream()
                .map(c -> NomadJson.read(c.getPeriodicLaunch().getJobJson().toByteArray(), Job.class).id).toList();
    }

    private List<String> storedChildren() {
        try (StateReader r = state.store().reader()) {
            return r.jobs("default", "cron/").stream().map(j -> j.id).toList();
        }
    }

    private static String child(String instant) {
        return "cron/periodic-" + Instant.parse(instant).getEpochSecond();
    }

    @Test
    void aLaunchWhoseWriteFailedIsMadeOnTheNextPassNotLost() {
        register("*/5 * * * *", null, false);
        int[] failures = {1};
        PeriodicDispatcher d = new PeriodicDispatcher(state.store(), new Stamps(clock, new Random(++leaders)),
                command -> failures[0]-- > 0
                        ? CompletableFuture.failedFuture(new IllegalStateException("no leader"))
                        : CompletableFuture.completedFuture(state.apply(command)));
        d.restore();

        at("2026-03-07T12:05:00Z");
        assertThat(d.pass()).isEmpty();
        assertThat(storedChildren()).isEmpty();

        at("2026-03-07T12:05:01Z");
        assertThat(children(d.pass())).containsExactly(child("2026-03-07T12:05:00Z"));
        at("2026-03-07T12:05:02Z");
        assertThat(d.pass()).isEmpty();
        assertThat(storedChildren()).containsExactly(child("2026-03-07T12:05:00Z"));
    }

    @Test
    void theNextPassWaitsUntilTheEarliestLaunchButNoLongerThanAsked() {
        PeriodicDispatcher d = leader();
        d.restore();
        assertThat(d.millisUntilNextPass(1000)).isEqualTo(1000);

        register("*/5 * * * *", null, false);
        d.pass();
        assertThat(d.millisUntilNextPass(1000)).isEqualTo(1000);
        at("2026-03-07T12:04:59.700Z");
        assertThat(d.millisUntilNextPass(1000)).isEqualTo(300);
        at("2026-03-07T12:05:00Z");
        assertThat(d.millisUntilNextPass(1000)).isZero();
        assertThat(children(d.pass())).containsExactly(child("2026-03-07T12:05:00Z"));
        assertThat(d.millisUntilNextPass(600_000)).isEqualTo(300_000);
    }

    @Test
    void launchesAtEachCronTimeOnce() {
        register("*/5 * * * *", null, false);
        PeriodicDispatcher d = leader();
        assertThat(d.restore()).isEmpty();

        at("2026-03-07T12:04:59Z");
        assertThat(d.pass()).isEmpty();
        at("2026-03-07T12:05:00Z");
        assertThat(children(d.pass())).containsExactly(child("2026-03-07T12:05:00Z"));
        assertThat(d.pass()).isEmpty();
        at("2026-03-07T12:10:00.500Z");
        assertThat(children(d.pass())).containsExactly(child("2026-03-07T12:10:00Z"));

        assertThat(storedChildren()).containsExactly(child("2026-03-07T12:05:00Z"), child("2026-03-07T12:10:00Z"));
        try (StateReader r = state.store().reader()) {
            assertThat(r.jobSummary("default", "cron").orElseThrow().children.pending).isEqualTo(2);
            assertThat(r.periodicLaunch("default", "cron").orElseThrow().launch)
                    .isEqualTo(GoTime.unixNanos(Instant.parse("2026-03-07T12:10:00Z")));
        }
    }

    @Test
    void theTimeZoneAndItsDaylightSavingChangeDecideTheLaunches() {
        register("0 9 * * *", "America/New_York", false);
        PeriodicDispatcher d = leader();
        d.restore();
        // 09:00 EST is 14:00 UTC; after the change on 2026-03-08, 09:00 EDT is 13:00 UTC.
        assertThat(d.nextLaunch("default", "cron")).contains(Instant.parse("2026-03-07T14:00:00Z"));
        at("2026-03-07T14:00:00Z");
        assertThat(children(d.pass())).containsExactly(child("2026-03-07T14:00:00Z"));
        assertThat(d.nextLaunch("default", "cron")).contains(Instant.parse("2026-03-08T13:00:00Z"));
        at("2026-03-08T13:00:00Z");
        assertThat(children(d.pass())).containsExactly(child("2026-03-08T13:00:00Z"));
    }

    @Test
    void aLaunchIsSkippedWhileAChildRunsWhenOverlapIsProhibited() {
        register("*/5 * * * *", null, true);
        PeriodicDispatcher d = leader();
        d.restore();
        at("2026-03-07T12:05:00Z");
        assertThat(d.pass()).hasSize(1);
        at("2026-03-07T12:10:00Z");

        assertThat(d.pass()).isEmpty();
        assertThat(d.nextLaunch("default", "cron")).contains(Instant.parse("2026-03-07T12:15:00Z"));
        assertThat(storedChildren()).containsExactly(child("2026-03-07T12:05:00Z"));
    }

    @Test
    void aNewLeaderNeitherRepeatsARecordedLaunchNorMissesOne() {
        register("*/5 * * * *", null, false);
        PeriodicDispatcher first = leader();
        first.restore();
        at("2026-03-07T12:05:00Z");
        first.pass();

        // Leadership moves at 12:06: the 12:05 launch is recorded, so nothing is relaunched.
        at("2026-03-07T12:06:00Z");
        PeriodicDispatcher second = leader();
        assertThat(second.restore()).isEmpty();
        assertThat(second.pass()).isEmpty();

        // No leader from 12:09 to 12:17:30: the missed 12:10 and 12:15 launches are made once, now.
        at("2026-03-07T12:17:30Z");
        PeriodicDispatcher third = leader();
        assertThat(children(third.restore())).containsExactly(child("2026-03-07T12:17:30Z"));
        assertThat(third.pass()).isEmpty();
        assertThat(third.nextLaunch("default", "cron")).contains(Instant.parse("2026-03-07T12:20:00Z"));

        assertThat(storedChildren()).containsExactly(child("2026-03-07T12:05:00Z"), child("2026-03-07T12:17:30Z"));
    }

    @Test
    void aLaunchDueBeforeTheFirstLeaderPassAfterRegistrationIsMadeOnRestore() {
        register("*/5 * * * *", null, false);
        at("2026-03-07T12:05:30Z");
        PeriodicDispatcher d = leader();
        assertThat(children(d.restore())).containsExactly(child("2026-03-07T12:05:30Z"));
    }
}
