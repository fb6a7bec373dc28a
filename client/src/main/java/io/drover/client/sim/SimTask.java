package io.drover.client.sim;

import io.drover.client.ClientTimers;
import io.drover.client.MockTaskConfig;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.alloc.TaskState;
import io.drover.model.json.GoTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Future;

/**
 * One task of a simulated allocation, as Nomad's task runner reports it with the mock driver:
 * Received, Task Setup and Started on start (or Driver Failure and Not Restarting if starting
 * fails), Terminated when {@code run_for} elapses, and Killing, Terminated, Killed when the
 * servers stop it. A task that exits unsuccessfully is not restarted: it is dead and failed.
 * Confined to the simulator's thread; {@code onChange} runs after every state change.
 */
final class SimTask {
    /** Why a failed task is not restarted, in place of Nomad's restart-policy reasons. */
    static final String NOT_RESTARTED = "nodesim does not restart tasks";
    /** Nomad's reason for a start error the driver marks unrecoverable. */
    static final String UNRECOVERABLE = "Error was unrecoverable";

    private final MockTaskConfig config;
    private final long killTimeoutNanos;
    private final ClientTimers timers;
    private final Runnable onChange;
    private final TaskState state = TaskState.pending();
    private long startedNanos;
    private boolean killing;
    private Future<?> timer;

    SimTask(MockTaskConfig config, Long killTimeoutNanos, ClientTimers timers, Runnable onChange) {
        this.config = config;
        this.killTimeoutNanos = killTimeoutNanos == null ? Allocation.DEFAULT_KILL_TIMEOUT : killTimeoutNanos;
        this.timers = timers;
        this.onChange = onChange;
        state.events = new ArrayList<>();
    }

    TaskState state() {
        return state;
    }

    boolean running() {
        return TaskState.STATE_RUNNING.equals(state.state);
    }

    boolean dead() {
        return TaskState.STATE_DEAD.equals(state.state);
    }

    void start() {
        emit(new TaskEvent(TaskEvent.RECEIVED, nanos()));
        emit(new TaskEvent(TaskEvent.SETUP, nanos()).setMessage("Building Task Directory"));
        if (!config.startError().isEmpty()) {
            emit(new TaskEvent(TaskEvent.DRIVER_FAILURE, nanos()).setDriverError(config.startError()));
            die(true, new TaskEvent(TaskEvent.NOT_RESTARTING, nanos()).setRestartReason(UNRECOVERABLE).setFailsTask());
            return;
        }
        emit(new TaskEvent(TaskEvent.STARTED, nanos()));
        Instant now = timers.now();
        startedNanos = GoTime.unixNanos(now);
        state.state = TaskState.STATE_RUNNING;
        state.startedAt = GoTime.format(now);
        if (!config.runsUntilStopped()) {
            timer = timers.schedule(config.runForNanos(),
                    () -> exit(config.exitCode(), config.exitSignal(), config.exitErrMsg()));
        }
        onChange.run();
    }

    /**
     * Ends a running task as if it exited by itself with {@code exitCode} (what run_for
     * elapsing does, and what tests ask for on demand). Non-zero fails it.
     */
    void exit(int exitCode, int signal, String errMsg) {
        if (!running()) {
            return;
        }
        cancelTimer();
        emit(terminated(exitCode, signal, errMsg));
        boolean successful = exitCode == 0 && signal == 0 && errMsg.isEmpty();
        if (successful) {
            die(false, null);
        } else {
            die(true, new TaskEvent(TaskEvent.NOT_RESTARTING, nanos()).setRestartReason(NOT_RESTARTED).setFailsTask());
        }
    }

    /**
     * The servers want the task stopped: Killing now; after {@code kill_after} (or sooner,
     * if {@code run_for} ends first) the task exits and is Killed, dead but not failed.
     */
    void kill() {
        if (!running() || killing) {
            if (TaskState.STATE_PENDING.equals(state.state)) {
                die(false, new TaskEvent(TaskEvent.KILLED, nanos()));
            }
            return;
        }
        killing = true;
        cancelTimer();
        emit(new TaskEvent(TaskEvent.KILLING, nanos()).setKillTimeout(killTimeoutNanos));
        long delay = config.killAfterNanos();
        if (!config.runsUntilStopped()) {
            long ranFor = GoTime.unixNanos(timers.now()) - startedNanos;
            delay = Math.min(delay, Math.max(0, config.runForNanos() - ranFor));
        }
        timer = timers.schedule(delay, this::killed);
        onChange.run();
    }

    private void killed() {
        if (!running()) {
            return;
        }
        emit(terminated(config.exitCode(), config.exitSignal(), config.exitErrMsg()));
        die(false, new TaskEvent(TaskEvent.KILLED, nanos()));
    }

    /** The simulator is going away: drop timers without reporting anything. */
    void abandon() {
        cancelTimer();
    }

    private TaskEvent terminated(int exitCode, int signal, String errMsg) {
        TaskEvent e = new TaskEvent(TaskEvent.TERMINATED, nanos()).setExitCode(exitCode).setSignal(signal)
                .setOomKilled(false);
        if (!errMsg.isEmpty()) {
            e.setExitMessage(errMsg);
        }
        return e;
    }

    private void die(boolean failed, TaskEvent last) {
        cancelTimer();
        if (last != null) {
            emit(last);
        }
        state.state = TaskState.STATE_DEAD;
        state.failed = failed;
        state.finishedAt = GoTime.format(timers.now());
        onChange.run();
    }

    private void emit(TaskEvent e) {
        e.populateDisplayMessage();
        state.events.add(e);
        // Nomad keeps a task's last ten events.
        if (state.events.size() > 10) {
            state.events.remove(0);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private long nanos() {
        return GoTime.unixNanos(timers.now());
    }
}
