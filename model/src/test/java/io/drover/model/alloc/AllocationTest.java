package io.drover.model.alloc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.drover.model.EphemeralDisk;
import io.drover.model.Job;
import io.drover.model.Jobs;
import io.drover.model.ReschedulePolicy;
import io.drover.model.TaskGroup;
import io.drover.model.json.GoTime;
import io.drover.model.json.NomadJson;
import io.drover.model.json.Recording;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nomad's allocation helpers: statuses, migration, rescheduling (cases from Nomad's structs_test.go). */
class AllocationTest {
    private static final Instant NOW = Instant.parse("2026-11-22T05:00:00.123456789Z");

    @ParameterizedTest(name = "desired {0}, client {1}")
    @CsvSource({
            "run, pending, false, false, false",
            "run, running, false, false, false",
            "run, complete, false, true, true",
            "run, failed, false, true, true",
            "run, lost, false, true, true",
            "stop, pending, true, false, true",
            "stop, running, true, false, true",
            "evict, running, true, false, true",
            "stop, failed, true, true, true",
    })
    void terminalStatuses(String desired, String client, boolean server, boolean clientTerminal, boolean terminal) {
        Allocation a = new Allocation();
        a.desiredStatus = desired;
        a.clientStatus = client;

        assertThat(a.serverTerminalStatus()).isEqualTo(server);
        assertThat(a.clientTerminalStatus()).isEqualTo(clientTerminal);
        assertThat(a.terminated()).isEqualTo(clientTerminal);
        assertThat(a.terminalStatus()).isEqualTo(terminal);
    }

    @Test
    void indexIsTheNumberInTheName() {
        Allocation a = new Allocation();
        a.jobId = "example";
        a.taskGroup = "cache";
        a.name = Allocation.allocName("example", "cache", 1);
        assertThat(a.name).isEqualTo("example.cache[1]");
        assertThat(a.index()).isEqualTo(1);

        a.name = "example.cache[713127]";
        assertThat(a.index()).isEqualTo(713127);
        a.name = "x";
        assertThat(a.index()).isZero();
    }

    @Test
    void shouldMigrateOnlyAReplacementWithAStickyMigratingDisk() {
        assertThat(withDisk("123", true, true).shouldMigrate()).isTrue();
        assertThat(withDisk("123", false, false).shouldMigrate()).isFalse();
        assertThat(withDisk("123", false, true).shouldMigrate()).isFalse();
        assertThat(withDisk("123", true, false).shouldMigrate()).isFalse();
        assertThat(withDisk("", true, true).shouldMigrate()).as("no previous allocation").isFalse();

        Allocation noDisk = withDisk("123", true, true);
        noDisk.job.taskGroups.get(0).ephemeralDisk = null;
        assertThat(noDisk.shouldMigrate()).isFalse();

        Allocation stopped = withDisk("123", true, true);
        stopped.desiredStatus = Allocation.DESIRED_STOP;
        assertThat(stopped.shouldMigrate()).isFalse();

        Allocation noJob = withDisk("123", true, true);
        noJob.job = null;
        assertThat(noJob.shouldMigrate()).isFalse();
    }

    private static Allocation withDisk(String previous, boolean sticky, boolean migrate) {
        Allocation a = new Allocation();
        a.previousAllocation = previous;
        a.taskGroup = "foo";
        a.job = new Job();
        TaskGroup tg = new TaskGroup();
        tg.name = "foo";
        tg.ephemeralDisk = new EphemeralDisk();
        tg.ephemeralDisk.sticky = sticky;
        tg.ephemeralDisk.migrate = migrate;
        a.job.taskGroups = List.of(tg);
        return a;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // description | client | desired | attempts | interval min | unlimited | past reschedules (min ago) | expected
            "desired stop | pending | stop | -1 | 0 | false | | false",
            "disabled rescheduling | failed | run | 0 | 1 | false | | false",
            "client complete | complete | run | -1 | 0 | false | | false",
            "nil policy | failed | run | -1 | 0 | false | | false",
            "unlimited with attempts | failed | run | 1 | 0 | true | | true",
            "policy, client complete | complete | run | 1 | 1 | false | | false",
            "no previous attempts | failed | run | 1 | 1 | false | | true",
            "leftover attempts | failed | run | 2 | 5 | false | 1 | true",
            "too old previous attempts | failed | run | 1 | 5 | false | 6 | true",
            "no leftover attempts | failed | run | 2 | 5 | false | 3 4 | false",
    })
    void shouldReschedule(String desc, String client, String desired, int attempts, int intervalMin, boolean unlimited,
            String pastMinutes, boolean expected) {
        Allocation a = new Allocation();
        a.clientStatus = client;
        a.desiredStatus = desired;
        List<RescheduleEvent> events = new ArrayList<>();
        if (pastMinutes != null) {
            for (String m : pastMinutes.split(" ")) {
                events.add(new RescheduleEvent(nanos(NOW.minus(Duration.ofMinutes(Long.parseLong(m)))), "", "", 0));
            }
        }
        a.rescheduleTracker = new RescheduleTracker(events);
        ReschedulePolicy policy = null;
        if (attempts >= 0) {
            policy = policy(attempts, Duration.ofMinutes(intervalMin), null, null, null, unlimited);
        }

        assertThat(a.shouldReschedule(policy, NOW)).isEqualTo(expected);
    }

    @Test
    void lastEventTimeIsTheLatestTaskFinishElseTheModifyTime() {
        Allocation a = new Allocation();
        a.createTime = nanos(NOW);
        a.modifyTime = nanos(NOW);
        assertThat(a.lastEventTime()).isEqualTo(NOW);

        a.taskStates = new LinkedHashMap<>();
        assertThat(a.lastEventTime()).isEqualTo(NOW);

        a.taskStates.put("foo", state(ago(Duration.ofHours(2)), null));
        assertThat(a.lastEventTime()).as("finished at not set").isEqualTo(NOW);

        a.taskStates.put("foo", state(ago(Duration.ofHours(2)), ago(Duration.ofHours(1))));
        assertThat(a.lastEventTime()).isEqualTo(ago(Duration.ofHours(1)));

        a.taskStates.put("bar", state(ago(Duration.ofHours(2)), ago(Duration.ofMinutes(40))));
        a.taskStates.put("baz", state(ago(Duration.ofHours(2)), null));
        assertThat(a.lastEventTime()).isEqualTo(ago(Duration.ofMinutes(40)));
    }

    /** One case of Nomad's TestAllocation_NextDelay: policy, failure, earlier reschedules and the expected answer. */
    private record DelayCase(String desc, ReschedulePolicy policy, Allocation alloc, Instant expectedTime,
            boolean expectedEligible) {
    }

    private static final Duration S5 = Duration.ofSeconds(5);
    private static final Duration S90 = Duration.ofSeconds(90);
    private static final Duration S50 = Duration.ofSeconds(50);

    private static List<DelayCase> delayCases() {
        return List.of(
                new DelayCase("allocation hasn't failed yet", policy(0, null, "constant", S5, null, false),
                        new Allocation(), null, false),
                new DelayCase("no reschedule policy", null, new Allocation(), null, false),
                new DelayCase("lacks task state: fails at its modify time",
                        policy(0, null, "constant", S5, null, true), failedAt(null), NOW.plus(S5), true),
                new DelayCase("linear delay, unlimited, no tracker", policy(0, null, "constant", S5, null, true),
                        failedAt(ago(Duration.ofSeconds(2))), ago(Duration.ofSeconds(2)).plus(S5), true),
                new DelayCase("linear delay with tracker",
                        policy(2, Duration.ofMinutes(10), "constant", S5, null, false),
                        failedAt(ago(Duration.ofSeconds(2)), event(Duration.ofMinutes(2), S5)),
                        ago(Duration.ofSeconds(2)).plus(S5), true),
                new DelayCase("linear delay with tracker, attempts exhausted",
                        policy(2, Duration.ofMinutes(10), "constant", S5, null, false),
                        failedAt(ago(Duration.ofSeconds(2)), event(Duration.ofMinutes(3), S5),
                                event(Duration.ofMinutes(2), S5)),
                        ago(Duration.ofSeconds(2)).plus(S5), false),
                new DelayCase("exponential, no tracker", policy(0, null, "exponential", S5, S90, true),
                        failedAt(ago(Duration.ofSeconds(2))), ago(Duration.ofSeconds(2)).plus(S5), true),
                new DelayCase("exponential with tracker", policy(0, null, "exponential", S5, S90, true),
                        failedAt(ago(Duration.ofSeconds(2)), event(Duration.ofHours(2), S5),
                                event(Duration.ofHours(1), secs(10)), event(Duration.ofHours(1), secs(20))),
                        ago(Duration.ofSeconds(2)).plus(secs(40)), true),
                new DelayCase("exponential, ceiling reached", policy(0, null, "exponential", S5, S90, true),
                        failedAt(ago(secs(15)), event(Duration.ofHours(2), S5), event(Duration.ofHours(1), secs(10)),
                                event(Duration.ofHours(1), secs(20)), event(Duration.ofHours(1), secs(40)),
                                event(secs(40), secs(80))),
                        ago(secs(15)).plus(S90), true),
                new DelayCase("exponential, ceiling reset", policy(0, null, "exponential", S5, S90, true),
                        failedAt(ago(Duration.ofMinutes(15)), event(Duration.ofHours(2), S5),
                                event(Duration.ofHours(1), secs(10)), event(Duration.ofHours(1), secs(20)),
                                event(Duration.ofHours(1), secs(40)), event(Duration.ofHours(1), secs(80)),
                                event(Duration.ofHours(1), S90), event(Duration.ofHours(1), S90)),
                        ago(Duration.ofMinutes(15)).plus(S5), true),
                new DelayCase("fibonacci, no tracker", policy(0, null, "fibonacci", S5, S90, true),
                        failedAt(ago(secs(2))), ago(secs(2)).plus(S5), true),
                new DelayCase("fibonacci with tracker", policy(0, null, "fibonacci", S5, S90, true),
                        failedAt(ago(secs(2)), event(Duration.ofHours(2), S5), event(secs(5), S5)),
                        ago(secs(2)).plus(secs(10)), true),
                new DelayCase("fibonacci with more events", policy(0, null, "fibonacci", S5, S90, true),
                        failedAt(ago(secs(2)), event(Duration.ofHours(2), S5), event(Duration.ofHours(1), S5),
                                event(Duration.ofHours(1), secs(10)), event(Duration.ofHours(1), secs(15)),
                                event(Duration.ofHours(1), secs(25))),
                        ago(secs(2)).plus(secs(40)), true),
                new DelayCase("fibonacci, ceiling reached", policy(0, null, "fibonacci", S5, S50, true),
                        failedAt(ago(secs(15)), event(Duration.ofHours(2), S5), event(Duration.ofHours(1), S5),
                                event(Duration.ofHours(1), secs(10)), event(Duration.ofHours(1), secs(15)),
                                event(Duration.ofHours(1), secs(25)), event(secs(40), secs(40))),
                        ago(secs(15)).plus(S50), true),
                new DelayCase("fibonacci, reset condition met", policy(0, null, "fibonacci", S5, S50, true),
                        failedAt(ago(Duration.ofMinutes(5)), event(Duration.ofHours(2), S5),
                                event(Duration.ofHours(1), S5), event(Duration.ofHours(1), secs(10)),
                                event(Duration.ofHours(1), secs(15)), event(Duration.ofHours(1), secs(25)),
                                event(Duration.ofHours(1), secs(40))),
                        ago(Duration.ofMinutes(5)).plus(S5), true),
                new DelayCase("fibonacci, most recent event reset the delay",
                        policy(0, null, "fibonacci", S5, S50, true),
                        failedAt(ago(secs(5)), event(Duration.ofHours(2), S5), event(Duration.ofHours(1), S5),
                                event(Duration.ofHours(1), secs(10)), event(Duration.ofHours(1), secs(15)),
                                event(Duration.ofHours(1), secs(25)), event(Duration.ofHours(1), secs(40)),
                                event(Duration.ofHours(1), S50), event(Duration.ofMinutes(1), S5)),
                        ago(secs(5)).plus(S5), true));
    }

    @Test
    void nextRescheduleTimeFollowsTheDelayFunction() {
        for (DelayCase c : delayCases()) {
            Allocation a = c.alloc();
            a.job = Jobs.batch();
            a.job.taskGroups.get(0).reschedulePolicy = c.policy();
            a.taskGroup = a.job.taskGroups.get(0).name;

            Allocation.RescheduleTime next = a.nextRescheduleTime();

            assertThat(next.eligible()).as(c.desc()).isEqualTo(c.expectedEligible());
            assertThat(next.time()).as(c.desc()).isEqualTo(c.expectedTime());
        }
    }

    @Test
    void aRecordedRescheduledAllocationHasNoAttemptLeft() throws Exception {
        // Nomad's batch default: one attempt per day, constant 5s delay. The first allocation
        // failed and was replaced; the replacement failed too.
        String body = Recording.load("040_job_bad_config_allocations.txt").responseBody;
        List<Allocation> allocs = NomadJson.mapper().readValue(body, new TypeReference<List<Allocation>>() { });
        Job job = Jobs.batch();
        job.taskGroups.get(0).reschedulePolicy = policy(1, Duration.ofHours(24), "constant", S5, null, false);
        Allocation first = allocs.get(0);
        Allocation replacement = allocs.get(1);
        for (Allocation a : allocs) {
            a.job = job;
        }

        assertThat(first.nextRescheduleTime()).isEqualTo(new Allocation.RescheduleTime(null, false));
        assertThat(first.shouldReschedule(job.taskGroups.get(0).reschedulePolicy, first.lastEventTime())).isFalse();

        Instant failed = replacement.lastEventTime();
        assertThat(failed).isEqualTo(Instant.parse("2026-11-22T05:00:36.669897029Z"));
        assertThat(replacement.nextRescheduleTime()).isEqualTo(new Allocation.RescheduleTime(failed.plus(S5), false));
        assertThat(replacement.rescheduleEligible(job.taskGroups.get(0).reschedulePolicy, failed)).isFalse();
        // A day after the first reschedule the attempt counts no more.
        Instant nextDay = Instant.ofEpochSecond(0, replacement.rescheduleTracker.events.get(0).rescheduleTime)
                .plus(Duration.ofHours(24));
        assertThat(replacement.rescheduleEligible(job.taskGroups.get(0).reschedulePolicy, nextDay)).isTrue();
    }

    @Test
    void waitClientStopCountsFromTheFirstLostMark() {
        Allocation a = new Allocation();
        a.job = Jobs.batch();
        a.taskGroup = "g";
        a.clientStatus = Allocation.CLIENT_RUNNING;
        assertThat(a.shouldClientStop()).isFalse();

        a.job.taskGroups.get(0).stopAfterClientDisconnect = Duration.ofSeconds(2).toNanos();
        assertThat(a.shouldClientStop()).isTrue();
        assertThat(a.waitClientStop(NOW)).as("not lost yet: from now").isEqualTo(NOW.plusSeconds(2 + 5));

        a.setStop(Allocation.CLIENT_LOST, "lost", NOW.minusSeconds(60));
        a.appendState(AllocState.FIELD_CLIENT_STATUS, Allocation.CLIENT_LOST, NOW);
        a.job.taskGroups.get(0).tasks.get(0).killTimeout = Duration.ofSeconds(30).toNanos();
        assertThat(a.waitClientStop(NOW)).isEqualTo(NOW.minusSeconds(60).plusSeconds(2 + 30));
        assertThat(a.desiredStatus).isEqualTo(Allocation.DESIRED_STOP);
        assertThat(a.allocStates).hasSize(2);
        assertThat(a.allocStates.get(0).time).isEqualTo("2026-11-22T04:59:00.123456789Z");
    }

    @Test
    void ranSuccessfullyNeedsEveryTaskDeadAndNotFailed() {
        Allocation a = new Allocation();
        assertThat(a.ranSuccessfully()).isFalse();
        a.taskStates = new LinkedHashMap<>();
        TaskState ok = new TaskState();
        ok.state = TaskState.STATE_DEAD;
        a.taskStates.put("a", ok);
        assertThat(a.ranSuccessfully()).isTrue();
        TaskState failed = new TaskState();
        failed.state = TaskState.STATE_DEAD;
        failed.failed = true;
        a.taskStates.put("b", failed);
        assertThat(a.ranSuccessfully()).isFalse();
    }

    @Test
    void copiesAreDeepButCopySkipJobSharesTheJob() {
        Allocation a = new Allocation();
        a.id = "a";
        a.job = Jobs.batch();
        a.taskStates = new LinkedHashMap<>(Map.of("t", TaskState.pending()));

        Allocation deep = a.copy();
        Allocation skip = a.copySkipJob();
        Allocation shallow = a.shallowCopy();

        assertThat(deep.job).isNotSameAs(a.job);
        assertThat(deep.taskStates.get("t")).isNotSameAs(a.taskStates.get("t"));
        assertThat(skip.job).isSameAs(a.job);
        assertThat(skip.taskStates.get("t")).isNotSameAs(a.taskStates.get("t"));
        assertThat(a.job).isNotNull();
        assertThat(shallow.taskStates).isSameAs(a.taskStates);
        assertThat(shallow.desiredTransition).isNotSameAs(a.desiredTransition);
    }

    @Test
    void desiredTransitionMergeTakesTheSetFlags() {
        DesiredTransition d = new DesiredTransition();
        d.migrate = true;
        DesiredTransition o = new DesiredTransition();
        o.reschedule = true;
        o.forceReschedule = false;

        d.merge(o);

        assertThat(d.shouldMigrate()).isTrue();
        assertThat(d.shouldReschedule()).isTrue();
        assertThat(d.shouldForceReschedule()).isFalse();
        assertThat(d.isZero()).isFalse();
        assertThat(new DesiredTransition().isZero()).isTrue();
    }

    static ReschedulePolicy policy(int attempts, Duration interval, String fn, Duration delay, Duration maxDelay,
            boolean unlimited) {
        ReschedulePolicy p = new ReschedulePolicy();
        p.attempts = attempts;
        p.interval = interval == null ? 0L : interval.toNanos();
        p.delayFunction = fn == null ? "" : fn;
        p.delay = delay == null ? 0L : delay.toNanos();
        p.maxDelay = maxDelay == null ? 0L : maxDelay.toNanos();
        p.unlimited = unlimited;
        return p;
    }

    private static Allocation failedAt(Instant finished, RescheduleEvent... events) {
        Allocation a = new Allocation();
        a.clientStatus = Allocation.CLIENT_FAILED;
        a.modifyTime = nanos(NOW);
        if (finished != null) {
            a.taskStates = new LinkedHashMap<>(Map.of("foo", state(ago(Duration.ofHours(1)), finished)));
        }
        if (events.length > 0) {
            a.rescheduleTracker = new RescheduleTracker(Arrays.asList(events));
        }
        return a;
    }

    private static RescheduleEvent event(Duration ago, Duration delay) {
        return new RescheduleEvent(nanos(ago(ago)), "", "", delay.toNanos());
    }

    private static TaskState state(Instant started, Instant finished) {
        TaskState s = new TaskState();
        s.state = "start";
        s.startedAt = GoTime.format(started);
        s.finishedAt = GoTime.format(finished);
        return s;
    }

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    private static Duration secs(long s) {
        return Duration.ofSeconds(s);
    }

    private static long nanos(Instant t) {
        return GoTime.unixNanos(t);
    }
}
