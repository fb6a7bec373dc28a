package io.drover.client.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.client.ManualTimers;
import io.drover.client.TestAllocs;
import io.drover.model.UpdateStrategy;
import io.drover.model.alloc.AllocDeploymentStatus;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.alloc.TaskState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An allocation's life on a simulated node, on a clock the test moves. */
class SimAllocTest {
    private final ManualTimers timers = new ManualTimers(Instant.parse("2026-01-01T00:00:00Z"));
    private final List<String> reported = new ArrayList<>();

    private SimAlloc run(Allocation a) {
        SimAlloc sim = new SimAlloc(a, timers, s -> reported.add(s.clientStatus()));
        sim.start();
        return sim;
    }

    private static List<String> events(SimAlloc a) {
        return a.clientUpdate().taskStates.get("t").events.stream().map(e -> e.type).toList();
    }

    @Test
    void mockTaskRunsForRunForThenCompletes() {
        SimAlloc a = run(TestAllocs.mock("a1", "n1", Map.of("run_for", "3s")));

        Allocation update = a.clientUpdate();
        assertThat(update.clientStatus).isEqualTo(Allocation.CLIENT_RUNNING);
        assertThat(update.clientDescription).isEqualTo("Tasks are running");
        assertThat(update.nodeId).isEqualTo("n1");
        assertThat(update.job).isNull();
        TaskState t = update.taskStates.get("t");
        assertThat(t.state).isEqualTo(TaskState.STATE_RUNNING);
        assertThat(t.startedAt).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(events(a)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED);
        assertThat(t.events.get(1).displayMessage).isEqualTo("Building Task Directory");

        timers.advance(Duration.ofMillis(2999));
        assertThat(a.clientStatus()).isEqualTo(Allocation.CLIENT_RUNNING);
        timers.advance(Duration.ofMillis(1));

        update = a.clientUpdate();
        assertThat(update.clientStatus).isEqualTo(Allocation.CLIENT_COMPLETE);
        assertThat(update.clientDescription).isEqualTo("All tasks have completed");
        t = update.taskStates.get("t");
        assertThat(t.state).isEqualTo(TaskState.STATE_DEAD);
        assertThat(t.failed).isFalse();
        assertThat(t.finishedAt).isEqualTo("2026-01-01T00:00:03Z");
        assertThat(events(a)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED,
                TaskEvent.TERMINATED);
        assertThat(t.events.get(3).displayMessage).isEqualTo("Exit Code: 0");
        assertThat(reported).endsWith(Allocation.CLIENT_RUNNING, Allocation.CLIENT_COMPLETE);
    }

    @Test
    void nonZeroExitCodeFailsTheAllocation() {
        SimAlloc a = run(TestAllocs.mock("a1", "n1", Map.of("run_for", "1s", "exit_code", 1)));
        timers.advance(Duration.ofSeconds(1));

        Allocation update = a.clientUpdate();
        assertThat(update.clientStatus).isEqualTo(Allocation.CLIENT_FAILED);
        assertThat(update.clientDescription).isEqualTo("Failed tasks");
        TaskState t = update.taskStates.get("t");
        assertThat(t.failed).isTrue();
        assertThat(events(a)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED,
                TaskEvent.TERMINATED, TaskEvent.NOT_RESTARTING);
        assertThat(t.events.get(3).exitCode).isEqualTo(1);
        assertThat(t.events.get(4).failsTask).isTrue();
    }

    @Test
    void mockTaskWithoutRunForExitsAtOnce() {
        SimAlloc a = run(TestAllocs.mock("a1", "n1", Map.of()));
        timers.advance(Duration.ZERO);
        assertThat(a.clientStatus()).isEqualTo(Allocation.CLIENT_COMPLETE);
    }

    @Test
    void startErrorFailsWithoutStarting() {
        SimAlloc a = run(TestAllocs.mock("a1", "n1", Map.of("start_error", "boom")));

        Allocation update = a.clientUpdate();
        assertThat(update.clientStatus).isEqualTo(Allocation.CLIENT_FAILED);
        TaskState t = update.taskStates.get("t");
        assertThat(t.startedAt).isNull();
        assertThat(events(a)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.DRIVER_FAILURE,
                TaskEvent.NOT_RESTARTING);
        assertThat(t.events.get(2).driverError).isEqualTo("boom");
        assertThat(t.events.get(3).restartReason).isEqualTo(SimTask.UNRECOVERABLE);
    }

    @Test
    void invalidRunForIsAStartError() {
        SimAlloc a = run(TestAllocs.mock("a1", "n1", Map.of("run_for", "soon")));
        assertThat(a.clientStatus()).isEqualTo(Allocation.CLIENT_FAILED);
        assertThat(a.clientUpdate().taskStates.get("t").events.get(2).driverError)
                .isEqualTo("failed to parse driver config: run_for soon not a valid duration");
    }

    @Test
    void desiredStopKillsAfterKillAfterAndCompletes() {
        Allocation placed = TestAllocs.mock("a1", "n1", Map.of("run_for", "1h", "kill_after", "2s"));
        placed.allocModifyIndex = 5L;
        SimAlloc a = run(placed);

        Allocation stop = placed.copy();
        stop.desiredStatus = Allocation.DESIRED_STOP;
        stop.allocModifyIndex = 6L;
        a.update(stop);
        assertThat(a.clientStatus()).isEqualTo(Allocation.CLIENT_RUNNING);
        assertThat(events(a)).endsWith(TaskEvent.KILLING);
        assertThat(a.clientUpdate().taskStates.get("t").events.get(3).killTimeout).isEqualTo(5_000_000_000L);

        timers.advance(Duration.ofSeconds(2));
        Allocation update = a.clientUpdate();
        assertThat(update.clientStatus).isEqualTo(Allocation.CLIENT_COMPLETE);
        assertThat(update.taskStates.get("t").failed).isFalse();
        assertThat(events(a)).containsExactly(TaskEvent.RECEIVED, TaskEvent.SETUP, TaskEvent.STARTED,
                TaskEvent.KILLING, TaskEvent.TERMINATED, TaskEvent.KILLED);
    }

    @Test
    void evictKillsAtOnceWithoutKillAfter() {
        Allocation placed = TestAllocs.of("a1", "n1", "raw_exec", Map.of("command", "/bin/sleep"));
        SimAlloc a = run(placed);
        Allocation evict = placed.copy();
        evict.desiredStatus = Allocation.DESIRED_EVICT;
        a.update(evict);
        timers.advance(Duration.ZERO);
        assertThat(a.clientStatus()).isEqualTo(Allocation.CLIENT_COMPLETE);
    }

    @Test
    void olderVersionFromServersIsIgnored() {
        Allocation placed = TestAllocs.mock("a1", "n1", Map.of("run_for", "1h"));
        placed.allocModifyIndex = 7L;
        SimAlloc a = run(placed);
        Allocation stale = placed.copy();
        stale.desiredStatus = Allocation.DESIRED_STOP;
        stale.allocModifyIndex = 6L;
        a.update(stale);
        assertThat(events(a)).doesNotContain(TaskEvent.KILLING);
    }

    @Test
    void otherDriversRunUntilEndedOnDemand() {
        SimAlloc a = run(TestAllocs.of("a1", "n1", "raw_exec", Map.of("command", "/bin/sleep", "args", List.of("60"))));
        timers.advance(Duration.ofDays(1));
        assertThat(a.clientStatus()).isEqualTo(Allocation.CLIENT_RUNNING);

        a.exitAll(1, NodeSim.FAILED_ON_DEMAND);
        assertThat(a.clientStatus()).isEqualTo(Allocation.CLIENT_FAILED);
        assertThat(a.clientUpdate().taskStates.get("t").events.get(3).displayMessage)
                .isEqualTo("Exit Code: 1, Exit Message: \"" + NodeSim.FAILED_ON_DEMAND + "\"");
    }

    @Test
    void deploymentAllocationTurnsHealthyAfterMinHealthyTime() {
        Allocation placed = TestAllocs.mock("a1", "n1", Map.of("run_for", "1h"));
        placed.deploymentId = "d1";
        placed.deploymentStatus = new AllocDeploymentStatus();
        placed.deploymentStatus.canary = true;
        UpdateStrategy u = new UpdateStrategy();
        u.minHealthyTime = Duration.ofSeconds(3).toNanos();
        placed.job.taskGroups.get(0).update = u;
        SimAlloc a = run(placed);

        timers.advance(Duration.ofMillis(2999));
        assertThat(a.clientUpdate().deploymentStatus).isNull();
        timers.advance(Duration.ofMillis(1));
        AllocDeploymentStatus s = a.clientUpdate().deploymentStatus;
        assertThat(s.healthy).isTrue();
        assertThat(s.canary).isTrue();
        assertThat(s.timestamp).isEqualTo("2026-01-01T00:00:03Z");
    }

    @Test
    void deploymentAllocationThatFailsFirstIsUnhealthy() {
        Allocation placed = TestAllocs.mock("a1", "n1", Map.of("run_for", "1s", "exit_code", 2));
        placed.deploymentId = "d1";
        SimAlloc a = run(placed);
        timers.advance(Duration.ofSeconds(20));
        assertThat(a.clientUpdate().deploymentStatus.healthy).isFalse();
    }

    @Test
    void allocationWithoutItsJobFails() {
        Allocation placed = TestAllocs.mock("a1", "n1", Map.of());
        placed.job = null;
        SimAlloc a = run(placed);
        assertThat(a.clientStatus()).isEqualTo(Allocation.CLIENT_FAILED);
        assertThat(reported).containsExactly(Allocation.CLIENT_FAILED);
    }
}
