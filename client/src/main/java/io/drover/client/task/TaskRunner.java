package io.drover.client.task;

import io.drover.client.ClientTimers;
import io.drover.client.driver.Driver;
import io.drover.client.driver.DriverException;
import io.drover.client.driver.ExitResult;
import io.drover.client.driver.TaskHandle;
import io.drover.client.driver.TaskLogs;
import io.drover.client.driver.TaskSpec;
import io.drover.model.Task;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.alloc.TaskState;
import io.drover.model.json.GoTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;

/**
 * Runs one task of an allocation through its driver, as Nomad's task runner, and keeps its
 * {@link TaskState}: Received and Task Setup (building the task directory), then before each
 * start its {@link TaskPrestartHook}s (artifacts: Downloading Artifacts, or Failed Artifact
 * Download, a start failure for the restart policy), then Started, or Driver Failure when the
 * driver cannot start it; when it ends, Terminated with its exit code
 * and signal, then what the {@link RestartTracker} decides: Restarting (pending, started again
 * after the delay), Not Restarting (dead, failed) or nothing more (dead, successful). A kill
 * emits the event that asked for it (Killing with the kill timeout, or why a sibling took it
 * down), then Terminated and Killed: dead, not failed.
 *
 * <p>Confined to the node's state thread: the driver's exit notifications hop onto it through
 * {@link ClientTimers}. {@code onChange} runs after every change of state or events.
 */
public final class TaskRunner {
    /** Nomad keeps a task's last ten events. */
    static final int MAX_EVENTS = 10;

    private final String allocId;
    private final Task task;
    private final AllocDir dir;
    private final TaskEnv env;
    private final Driver driver;
    private final RestartTracker restarts;
    private final ClientTimers timers;
    private final Runnable onChange;
    private final List<TaskPrestartHook> prestartHooks;
    private final TaskFileHooks fileHooks;
    private final TaskState state = TaskState.pending();
    private TaskHandle handle;
    private Future<?> restartTimer;
    private boolean setUp;
    private boolean killing;
    private boolean destroyed;

    /**
     * @param driver the task's driver, null when this node does not have it (the task then
     *     fails to start, unrecoverably)
     * @param prestartHooks run in order before each start (artifacts)
     * @param fileHooks write the dispatch payload and templates into the task directory before
     *     each start, after the prestart hooks (a template may read a fetched artifact)
     */
    public TaskRunner(String allocId, Task task, AllocDir dir, TaskEnv env, Driver driver, RestartTracker restarts,
            ClientTimers timers, Runnable onChange, List<TaskPrestartHook> prestartHooks, TaskFileHooks fileHooks) {
        this.allocId = Objects.requireNonNull(allocId, "allocId");
        this.task = Objects.requireNonNull(task, "task");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.env = Objects.requireNonNull(env, "env");
        this.driver = driver;
        this.restarts = Objects.requireNonNull(restarts, "restarts");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.prestartHooks = List.copyOf(prestartHooks);
        this.fileHooks = Objects.requireNonNull(fileHooks, "fileHooks");
        state.events = new ArrayList<>();
    }

    public String name() {
        return task.name;
    }

    public boolean leader() {
        return Boolean.TRUE.equals(task.leader);
    }

    public Task task() {
        return task;
    }

    /** The task's state as the node reports it (the live object: copy before handing it off-thread). */
    public TaskState state() {
        return state;
    }

    public boolean running() {
        return TaskState.STATE_RUNNING.equals(state.state);
    }

    public boolean dead() {
        return TaskState.STATE_DEAD.equals(state.state);
    }

    /**
     * The task arrives (Received); it is set up and started now when {@code startConditionMet},
     * else it waits, pending, for {@link #proceed()} (a main task behind its group's prestart
     * tasks).
     */
    public void start(boolean startConditionMet) {
        emit(new TaskEvent(TaskEvent.RECEIVED, nanos()));
        if (startConditionMet) {
            proceed();
        } else {
            onChange.run();
        }
    }

    /** Sets the task up and starts it, once; a task already under way, killed or dead is left alone. */
    public void proceed() {
        if (setUp || killing || destroyed || dead()) {
            return;
        }
        setUp = true;
        emit(new TaskEvent(TaskEvent.SETUP, nanos()).setMessage(TaskEvent.BUILDING_TASK_DIR));
        if (buildTaskDir()) {
            run();
        }
    }

    /** False (and the task dead, failed) when its directory cannot be built. */
    private boolean buildTaskDir() {
        try {
            dir.buildTask(task.name);
            return true;
        } catch (IOException e) {
            emit(new TaskEvent(TaskEvent.SETUP_FAILURE, nanos())
                    .setSetupError("failed to build task directory for \"" + task.name + "\": " + e.getMessage())
                    .setFailsTask());
            dead(true);
            return false;
        }
    }

    /** Starts the task (again): its prestart hooks, then its driver; what ends it comes back through {@link #exited}. */
    private void run() {
        restartTimer = null;
        prestart(0);
    }

    // ---- prestart hooks: each may finish later, back on the state thread ----

    private void prestart(int next) {
        if (killing || destroyed) {
            return;
        }
        if (next == prestartHooks.size()) {
            if (writeTaskFiles()) {
                startDriver();
            }
            return;
        }
        prestartHooks.get(next).prestart(e -> {
            emit(e);
            onChange.run();
        }, new TaskPrestartHook.Done() {
            @Override
            public void succeeded() {
                prestart(next + 1);
            }

            @Override
            public void failed(boolean recoverable) {
                if (!killing && !destroyed) {
                    decide(restarts.startFailed(recoverable));
                }
            }
        });
    }

    private void cancelPrestart() {
        prestartHooks.forEach(TaskPrestartHook::cancel);
    }

    // ---- the driver ----

    private void startDriver() {
        if (driver == null) {
            emit(new TaskEvent(TaskEvent.DRIVER_FAILURE, nanos())
                    .setDriverError("driver \"" + task.driver + "\" is not available on this node"));
            decide(restarts.startFailed(false));
            return;
        }
        TaskHandle h;
        try {
            h = driver.start(spec());
        } catch (DriverException e) {
            emit(new TaskEvent(TaskEvent.DRIVER_FAILURE, nanos()).setDriverError(e.getMessage()));
            decide(restarts.startFailed(e.recoverable()));
            return;
        }
        handle = h;
        emit(new TaskEvent(TaskEvent.STARTED, nanos()));
        state.state = TaskState.STATE_RUNNING;
        state.startedAt = GoTime.format(timers.now());
        state.finishedAt = null;
        onChange.run();
        watch(h);
    }

    private TaskSpec spec() {
        return new TaskSpec(allocId, task, env.vars(), dir.taskDir(task.name),
                TaskLogs.of(dir.logDir(), task.name, task.logConfig));
    }

    private void watch(TaskHandle h) {
        h.exited().whenComplete((result, error) -> timers.schedule(0, () -> exited(h,
                error == null ? result : new ExitResult(-1, 0, error.toString()))));
    }

    /**
     * Takes the task up again after the agent restarted, from what {@link #localState()} saved:
     * a dead task stays dead; a running one is re-attached to its process when that still
     * lives (never started a second time), its output read on and its exit reported when it
     * comes; one that ended while the agent was down counts as exited with the status it left
     * (or an unknown code), and the restart policy decides, counting the restarts used before;
     * one waiting to (re)start is started, unless its start condition is not met yet
     * ({@link #start}).
     */
    public void restore(LocalAllocState.LocalTaskState saved, boolean startConditionMet) {
        if (saved.hooksDone != null) {
            prestartHooks.stream().filter(h -> saved.hooksDone.contains(h.name())).forEach(TaskPrestartHook::markDone);
        }
        if (saved.restartIntervalStart != null) {
            restarts.resume(new RestartTracker.Usage(saved.restartCount,
                    GoTime.fromUnixNanos(saved.restartIntervalStart)));
        }
        TaskState s = saved.state;
        if (s != null) {
            state.state = s.state;
            state.failed = s.failed;
            state.restarts = s.restarts;
            state.lastRestart = s.lastRestart;
            state.startedAt = s.startedAt;
            state.finishedAt = s.finishedAt;
            state.events = s.events == null ? new ArrayList<>() : new ArrayList<>(s.events);
        }
        if (dead()) {
            return;
        }
        if (running()) {
            setUp = true;
            TaskHandle h = driver == null ? null : driver.reattach(spec(), saved.pid, saved.pidStartMillis);
            if (h != null) {
                handle = h;
                restoreTemplateEnv();
                watch(h);
                return;
            }
            handle = null;
            emit(new TaskEvent(TaskEvent.TERMINATED, nanos()).setExitCode(-1).setSignal(0).setOomKilled(false)
                    .setExitMessage("the task's process ended while the node agent was down; exit code unknown"));
            decide(restarts.exited(new ExitResult(-1, 0, "exit code unknown")));
            return;
        }
        if (state.startedAt == null) {
            // Never set up: now, or once the prestart tasks are done.
            if (startConditionMet) {
                proceed();
            }
            return;
        }
        setUp = true;
        if (buildTaskDir()) {
            run();
        }
    }

    /** What the agent keeps of this task in its data dir, to {@link #restore} it after a restart. */
    public LocalAllocState.LocalTaskState localState() {
        LocalAllocState.LocalTaskState saved = new LocalAllocState.LocalTaskState();
        saved.state = state;
        if (handle != null) {
            saved.pid = handle.pid();
            saved.pidStartMillis = handle.pidStartMillis();
        }
        RestartTracker.Usage used = restarts.usage();
        saved.restartCount = used.count();
        saved.restartIntervalStart = GoTime.unixNanos(used.intervalStart());
        List<String> done = prestartHooks.stream().filter(TaskPrestartHook::done).map(TaskPrestartHook::name).toList();
        saved.hooksDone = done.isEmpty() ? null : done;
        return saved;
    }

    // ---- dispatch payload and templates (Nomad's dispatch_payload and template prestart hooks) ----

    /**
     * Writes the payload file and renders the templates into the built task directory; false
     * when that failed the task, as Nomad's hooks do: a hook error is a Task hook failed event
     * and an unrecoverable start failure, a template that does not render kills the task with a
     * Killing event that fails it.
     */
    private boolean writeTaskFiles() {
        try {
            fileHooks.prestart();
            return true;
        } catch (TaskHookException e) {
            emit(e.event(nanos()));
            if (e.killsTask()) {
                dead(true);
            } else {
                decide(restarts.startFailed(false));
            }
            return false;
        }
    }

    /**
     * A re-attached task keeps running on what its templates rendered before the agent
     * restarted; their variables are read back so that a later restart sees them. If those
     * files are gone the task restarts without them rather than be killed while it runs.
     */
    private void restoreTemplateEnv() {
        try {
            fileHooks.restoreEnv();
        } catch (TaskHookException e) {
            emit(new TaskEvent(TaskEvent.HOOK_FAILED, nanos()).setMessage(TemplateHook.NAME + ": " + e.getMessage()));
        }
    }

    private void exited(TaskHandle h, ExitResult result) {
        if (h != handle || destroyed) {
            return;
        }
        handle = null;
        TaskEvent terminated = new TaskEvent(TaskEvent.TERMINATED, nanos()).setExitCode(result.exitCode())
                .setSignal(result.signal()).setOomKilled(result.oomKilled());
        if (!result.error().isEmpty()) {
            terminated.setExitMessage(result.error());
        }
        emit(terminated);
        decide(killing ? restarts.killed() : restarts.exited(result));
    }

    private void decide(RestartTracker.Outcome outcome) {
        switch (outcome.decision()) {
            case KILLED -> {
                emit(new TaskEvent(TaskEvent.KILLED, nanos()));
                dead(false);
            }
            case TERMINATED -> dead(false);
            case NOT_RESTARTING -> {
                emit(new TaskEvent(TaskEvent.NOT_RESTARTING, nanos()).setRestartReason(outcome.reason()).setFailsTask());
                dead(true);
            }
            case RESTARTING -> {
                emit(new TaskEvent(TaskEvent.RESTARTING, nanos()).setRestartDelay(outcome.delayNanos())
                        .setRestartReason(outcome.reason()));
                state.state = TaskState.STATE_PENDING;
                state.restarts = (state.restarts == null ? 0 : state.restarts) + 1;
                state.lastRestart = GoTime.format(timers.now());
                onChange.run();
                restartTimer = timers.schedule(outcome.delayNanos(), this::run);
            }
        }
    }

    /**
     * Stops the task: {@code why} (Killing, Sibling Task Failed, Leader Task Dead) is recorded,
     * and after the task's {@code ShutdownDelay} the driver sends its kill signal, and after its
     * kill timeout a forced kill.
     */
    public void kill(TaskEvent why) {
        if (dead() || killing) {
            return;
        }
        killing = true;
        if (why != null) {
            if (TaskEvent.KILLING.equals(why.type)) {
                why.setKillTimeout(killTimeoutNanos());
            }
            emit(why);
        }
        if (handle != null) {
            long delay = task.shutdownDelay == null ? 0 : task.shutdownDelay;
            if (delay > 0) {
                // Nomad's shutdown_delay: the task keeps running a while (its clients drain) before its signal.
                TaskHandle h = handle;
                timers.schedule(delay, () -> {
                    if (h == handle && !destroyed) {
                        h.kill(task.killSignal, killTimeoutNanos());
                    }
                });
            } else {
                handle.kill(task.killSignal, killTimeoutNanos());
            }
            onChange.run();
            return;
        }
        // Not running (in its prestart hooks, waiting to restart, or never started): nothing to stop.
        cancelPrestart();
        if (restartTimer != null) {
            restartTimer.cancel(false);
            restartTimer = null;
        }
        decide(restarts.killed());
    }

    /** A Killing event for a stop the servers asked for. */
    public static TaskEvent killingEvent(long unixNanos) {
        return new TaskEvent(TaskEvent.KILLING, unixNanos);
    }

    /** The node is going away: the task ends now and nothing more is reported. */
    public void destroy() {
        destroyed = true;
        cancelPrestart();
        if (restartTimer != null) {
            restartTimer.cancel(false);
        }
        if (handle != null) {
            handle.destroy();
        }
    }

    /**
     * The agent is stopping but leaves the task running for the next one: its process is let
     * go (not killed), and nothing more is reported from here.
     */
    public void detach() {
        destroyed = true;
        if (restartTimer != null) {
            restartTimer.cancel(false);
        }
        if (handle != null) {
            handle.detach();
        }
    }

    private long killTimeoutNanos() {
        return task.killTimeout == null ? Allocation.DEFAULT_KILL_TIMEOUT : task.killTimeout;
    }

    private void dead(boolean failed) {
        state.state = TaskState.STATE_DEAD;
        state.failed = failed;
        state.finishedAt = GoTime.format(timers.now());
        onChange.run();
    }

    private void emit(TaskEvent e) {
        e.populateDisplayMessage();
        state.events.add(e);
        if (state.events.size() > MAX_EVENTS) {
            state.events.remove(0);
        }
    }

    private long nanos() {
        return GoTime.unixNanos(timers.now());
    }
}
