package io.drover.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.driver.MockDriver;
import io.drover.client.task.AllocRunner;
import io.drover.client.task.LocalAllocState;
import io.drover.model.Job;
import io.drover.model.RestartPolicy;
import io.drover.model.Task;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.alloc.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Task lifecycles within an allocation, on mock tasks and a clock the test moves: prestart
 * tasks before the main ones (sidecars started, ephemeral ones completed), a failed prestart
 * task taking the waiting main tasks down, and a leader task's end taking its siblings down.
 */
class AllocRunnerLifecycleTest {
    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-01-01T00:00:00Z"));

    @TempDir
    Path data;

    @Test
    void mainTasksWaitUntilTheEphemeralPrestartTaskCompletes() {
        AllocRunner r = start(Job.TYPE_SERVICE,
                task("init", "1s", 0, prestart(false)),
                task("web", null, 0, null));

        settle();
        assertThat(types(state(r, "web"))).containsExactly(TaskEvent.RECEIVED);
        assertThat(state(r, "web").state).isEqualTo(TaskState.STATE_PENDING);
        assertThat(state(r, "init").state).isEqualTo(TaskState.STATE_RUNNING);

        timers.advance(Duration.ofSeconds(1));

        TaskState init = state(r, "init");
        assertThat(init.state).isEqualTo(TaskState.STATE_DEAD);
        assertThat(init.failed).isFalse();
        // A prestart task that succeeded is done, even in a service job: not restarted.
        assertThat(types(init)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED,
                TaskEvent.TERMINATED);
        assertThat(types(state(r, "web"))).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED);
        assertThat(r.clientStatus()).isEqualTo(Allocation.CLIENT_RUNNING);
    }

    @Test
    void aFailedPrestartTaskKillsTheMainTasksBeforeTheyEverStart() {
        AllocRunner r = start(Job.TYPE_SERVICE,
                task("init", "1s", 1, prestart(false)),
                task("web", null, 0, null));

        timers.advance(Duration.ofSeconds(1));

        assertThat(state(r, "init").failed).isTrue();
        TaskState web = state(r, "web");
        assertThat(types(web)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SIBLING_FAILED, TaskEvent.KILLED);
        assertThat(web.state).isEqualTo(TaskState.STATE_DEAD);
        assertThat(web.startedAt).isNull();
        assertThat(r.clientStatus()).isEqualTo(Allocation.CLIENT_FAILED);
    }

    @Test
    void aSidecarReleasesTheMainTasksOnceStartedAndIsRestartedAfterSucceeding() {
        AllocRunner r = start(Job.TYPE_BATCH,
                task("proxy", "2s", 0, prestart(true)),
                task("work", null, 0, null));

        settle();
        assertThat(state(r, "proxy").state).isEqualTo(TaskState.STATE_RUNNING);
        assertThat(types(state(r, "work"))).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED);

        timers.advance(Duration.ofSeconds(2));

        // In a batch job a task that exits 0 is done, but a sidecar is kept running.
        assertThat(types(state(r, "proxy"))).endsWith(TaskEvent.TERMINATED, TaskEvent.RESTARTING);
        assertThat(state(r, "proxy").restarts).isEqualTo(1);
    }

    @Test
    void aLeaderTaskThatEndsTakesItsSiblingsDown() {
        Task leader = task("main", "1s", 0, null);
        leader.leader = true;
        AllocRunner r = start(Job.TYPE_BATCH, leader, task("log-shipper", null, 0, null));

        timers.advance(Duration.ofSeconds(1));
        settle();

        TaskState shipper = state(r, "log-shipper");
        assertThat(types(shipper)).containsSubsequence(TaskEvent.STARTED, TaskEvent.LEADER_DEAD,
                TaskEvent.TERMINATED, TaskEvent.KILLED);
        assertThat(shipper.state).isEqualTo(TaskState.STATE_DEAD);
        assertThat(shipper.failed).isFalse();
        assertThat(state(r, "main").failed).isFalse();
        assertThat(r.clientStatus()).isEqualTo(Allocation.CLIENT_COMPLETE);
    }

    @Test
    void aRestoredAllocationStartsItsWaitingMainTaskWhenThePrestartTaskHadCompleted() {
        LocalAllocState.LocalTaskState init = waiting(TaskEvent.TERMINATED);
        init.state.state = TaskState.STATE_DEAD;
        init.state.failed = false;
        init.state.startedAt = "2026-01-01T00:00:00Z";

        AllocRunner r = restored(init, waiting(TaskEvent.RECEIVED));

        assertThat(types(state(r, "web"))).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED);
        assertThat(types(state(r, "init"))).containsExactly(TaskEvent.TERMINATED);
        assertThat(r.clientStatus()).isEqualTo(Allocation.CLIENT_RUNNING);
    }

    @Test
    void aRestoredAllocationKeepsItsMainTaskWaitingWhileThePrestartTaskHasNotCompleted() {
        AllocRunner r = restored(waiting(TaskEvent.RECEIVED), waiting(TaskEvent.RECEIVED));

        assertThat(state(r, "init").state).isEqualTo(TaskState.STATE_RUNNING);
        assertThat(types(state(r, "web"))).containsExactly(TaskEvent.RECEIVED);

        timers.advance(Duration.ofSeconds(1));

        assertThat(types(state(r, "web"))).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED);
    }

    @Test
    void aStoppedAllocationWaitsOutItsGroupShutdownDelayBeforeKillingTasks() {
        Allocation a = alloc(Job.TYPE_SERVICE, task("web", null, 0, null));
        a.job.taskGroups.get(0).shutdownDelay = Duration.ofSeconds(5).toNanos();
        AllocRunner r = running(a);

        r.update(stopped(a));
        timers.advance(Duration.ofMillis(4_900));
        assertThat(types(state(r, "web"))).doesNotContain(TaskEvent.KILLING);
        assertThat(state(r, "web").state).isEqualTo(TaskState.STATE_RUNNING);

        timers.advance(Duration.ofMillis(100));
        settle();
        assertThat(types(state(r, "web"))).endsWith(TaskEvent.KILLING, TaskEvent.TERMINATED, TaskEvent.KILLED);
        assertThat(r.clientStatus()).isEqualTo(Allocation.CLIENT_COMPLETE);
    }

    @Test
    void aTaskShutdownDelayKeepsTheTaskRunningAfterKillingIsAnnounced() {
        Task web = task("web", null, 0, null);
        web.shutdownDelay = Duration.ofSeconds(2).toNanos();
        Allocation a = alloc(Job.TYPE_SERVICE, web);
        AllocRunner r = running(a);

        r.update(stopped(a));
        timers.advance(Duration.ofMillis(1_900));
        assertThat(types(state(r, "web"))).endsWith(TaskEvent.KILLING);
        assertThat(state(r, "web").state).isEqualTo(TaskState.STATE_RUNNING);

        timers.advance(Duration.ofMillis(100));
        settle();
        assertThat(types(state(r, "web"))).endsWith(TaskEvent.KILLING, TaskEvent.TERMINATED, TaskEvent.KILLED);
        assertThat(state(r, "web").state).isEqualTo(TaskState.STATE_DEAD);
    }

    /** A prestart task "init" and a main task "web", taken up from what an earlier agent saved of them. */
    private AllocRunner restored(LocalAllocState.LocalTaskState init, LocalAllocState.LocalTaskState web) {
        LocalAllocState saved = new LocalAllocState();
        saved.alloc = alloc(Job.TYPE_SERVICE, task("init", "1s", 0, prestart(false)), task("web", null, 0, null));
        saved.tasks.put("init", init);
        saved.tasks.put("web", web);
        AllocRunner r = new AllocRunner(saved.alloc, context(), x -> { });
        r.restore(saved);
        settle();
        return r;
    }

    /** A saved task that is pending, its one event {@code event}. */
    private static LocalAllocState.LocalTaskState waiting(String event) {
        LocalAllocState.LocalTaskState t = new LocalAllocState.LocalTaskState();
        t.state = TaskState.pending();
        t.state.events = new ArrayList<>(List.of(new TaskEvent(event, 1)));
        return t;
    }

    private AllocRunner running(Allocation a) {
        AllocRunner r = new AllocRunner(a, context(), x -> { });
        r.start();
        settle();
        return r;
    }

    private static Allocation stopped(Allocation a) {
        Allocation s = a.copy();
        s.desiredStatus = Allocation.DESIRED_STOP;
        return s;
    }

    /** Runs what is due now (exit notifications hop through a zero-delay timer). */
    private void settle() {
        timers.advance(Duration.ZERO);
    }

    private AllocRunner start(String type, Task... tasks) {
        AllocRunner r = new AllocRunner(alloc(type, tasks), context(), x -> { });
        r.start();
        return r;
    }

    private AllocRunner.Context context() {
        return TestAllocs.runnerContext(data.resolve("alloc"), Map.of(MockDriver.NAME, new MockDriver(timers)), timers);
    }

    private static Allocation alloc(String type, Task... tasks) {
        return TestAllocs.alloc("5d0f3c1e-7a7b-4c59-8c1e-000000000001", "j.g[0]", TestAllocs.job(type, tasks), "n1");
    }

    /** A mock task that exits with {@code exitCode} after {@code runFor}, or (null) runs for longer than any test. */
    private static Task task(String name, String runFor, int exitCode, TaskLifecycleConfig lifecycle) {
        Task t = new Task();
        t.name = name;
        t.driver = MockDriver.NAME;
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("run_for", runFor == null ? "1h" : runFor);
        config.put("exit_code", exitCode);
        t.config = config;
        t.lifecycle = lifecycle;
        RestartPolicy restart = new RestartPolicy();
        restart.attempts = exitCode == 0 ? 2 : 0;
        restart.interval = Duration.ofMinutes(5).toNanos();
        restart.delay = Duration.ofSeconds(1).toNanos();
        restart.mode = RestartPolicy.MODE_FAIL;
        t.restartPolicy = restart;
        t.killTimeout = Duration.ofSeconds(1).toNanos();
        return t;
    }

    private static TaskLifecycleConfig prestart(boolean sidecar) {
        TaskLifecycleConfig l = new TaskLifecycleConfig();
        l.hook = TaskLifecycleConfig.HOOK_PRESTART;
        l.sidecar = sidecar;
        return l;
    }

    private static TaskState state(AllocRunner r, String task) {
        return r.clientUpdate().taskStates.get(task);
    }

    private static List<String> types(TaskState s) {
        return s.events.stream().map(e -> e.type).toList();
    }
}
