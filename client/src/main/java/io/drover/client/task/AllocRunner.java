package io.drover.client.task;

import io.drover.client.AllocClientStatus;
import io.drover.client.AllocHealth;
import io.drover.client.ClientAlloc;
import io.drover.client.ClientTimers;
import io.drover.client.driver.Driver;
import io.drover.client.driver.FSIsolation;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskEvent;
import io.drover.model.alloc.TaskState;
import io.drover.model.json.GoTime;
import io.drover.model.node.Node;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one allocation on the node, as Nomad's alloc runner: builds its directory, runs each
 * task of its group through a {@link TaskRunner}, derives the client status from their states
 * ({@link AllocClientStatus}), stops the tasks when the servers stop the allocation, takes the
 * other tasks down when one fails (Sibling Task Failed) or when a leader task ends (Leader
 * Task Dead), holds the main tasks back until the prestart tasks have done their part
 * ({@link TaskHookCoordinator}), and reports deployment health ({@link AllocHealth}). Each change is handed to
 * {@code dirty} for the update batcher. Confined to the node's state thread.
 */
public final class AllocRunner implements ClientAlloc {
    /**
     * Where the node agent finds what a runner needs besides the allocation.
     *
     * @param artifactFetcher fetches tasks' artifacts
     * @param downloads where artifact downloads block, off the state thread
     */
    public record Context(Node node, String region, Path allocsRoot, Map<String, Driver> drivers, ClientTimers timers,
            Random random, ArtifactFetcher artifactFetcher, ExecutorService downloads) {
        public Context {
            drivers = Map.copyOf(drivers);
            Objects.requireNonNull(artifactFetcher, "artifactFetcher");
            Objects.requireNonNull(downloads, "downloads");
        }

        /** With the default artifact fetcher, and downloads on daemon threads that end when idle. */
        public Context(Node node, String region, Path allocsRoot, Map<String, Driver> drivers, ClientTimers timers,
                Random random) {
            this(node, region, allocsRoot, drivers, timers, random, ArtifactFetcher.create(), downloadThreads());
        }

        private static ExecutorService downloadThreads() {
            AtomicInteger n = new AtomicInteger();
            return Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "artifact-download-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    private final Context ctx;
    private final Consumer<AllocRunner> dirty;
    private final Map<String, TaskRunner> tasks = new LinkedHashMap<>();
    private final AllocHealth health;
    private final AllocDir dir;
    private Allocation alloc;
    private AllocClientStatus status = AllocClientStatus.PENDING;
    private boolean siblingsKilled;
    /** The servers stopped the allocation: its tasks are being (or about to be) killed. */
    private boolean stopping;
    private boolean destroyed;
    private TaskHookCoordinator hooks;
    /** While the tasks are being started or restored one by one: releasing waits until all are. */
    private boolean starting;

    public AllocRunner(Allocation alloc, Context ctx, Consumer<AllocRunner> dirty) {
        this.alloc = alloc;
        this.ctx = ctx;
        this.dirty = dirty;
        this.dir = new AllocDir(ctx.allocsRoot(), alloc.id);
        this.health = new AllocHealth(ctx.timers(), () -> tasks.values().stream().allMatch(TaskRunner::running),
                () -> dirty.accept(this));
    }

    @Override
    public String id() {
        return alloc.id;
    }

    public AllocDir allocDir() {
        return dir;
    }

    public String clientStatus() {
        return status.status();
    }

    public boolean terminal() {
        return status.terminal();
    }

    /** Whether the servers' last word on the allocation (their copy) is that it is over. */
    public boolean serverCopyTerminal() {
        return alloc.terminalStatus();
    }

    /** Builds the allocation directory and starts every task of the group. */
    public void start() {
        if (!createTasks()) {
            return;
        }
        // Every task is received before any is released: a sidecar that starts at once must not
        // set off a main task that has not arrived yet.
        starting = true;
        for (TaskRunner t : tasks.values()) {
            t.start(hooks.startConditionMet(t.task()));
        }
        starting = false;
        taskChanged();
    }

    /**
     * Takes the allocation up again after the agent restarted, from {@link #localState()} as
     * saved by its previous run: each task is re-attached, restarted or left dead as
     * {@link TaskRunner#restore} decides; a task the save does not know is started.
     */
    public void restore(LocalAllocState saved) {
        if (!createTasks()) {
            return;
        }
        Map<String, TaskState> savedStates = new LinkedHashMap<>();
        if (saved.tasks != null) {
            saved.tasks.forEach((name, t) -> {
                if (t.state != null) {
                    savedStates.put(name, t.state);
                }
            });
        }
        hooks.taskStatesChanged(savedStates);
        starting = true;
        for (Map.Entry<String, TaskRunner> e : tasks.entrySet()) {
            LocalAllocState.LocalTaskState t = saved.tasks == null ? null : saved.tasks.get(e.getKey());
            boolean mayStart = hooks.startConditionMet(e.getValue().task());
            if (t == null) {
                e.getValue().start(mayStart);
            } else {
                e.getValue().restore(t, mayStart);
            }
        }
        starting = false;
        taskChanged();
    }

    /** What the agent keeps of this allocation in its data dir. */
    public LocalAllocState localState() {
        LocalAllocState s = new LocalAllocState();
        s.alloc = alloc;
        for (Map.Entry<String, TaskRunner> e : tasks.entrySet()) {
            s.tasks.put(e.getKey(), e.getValue().localState());
        }
        return s;
    }

    /** Builds the directory and a runner per task; false (and the allocation failed) if it cannot. */
    private boolean createTasks() {
        TaskGroup group = alloc.lookupTaskGroup();
        if (group == null || group.tasks == null || group.tasks.isEmpty()) {
            fail("allocation has no job or task group to run");
            return false;
        }
        try {
            dir.build();
        } catch (IOException e) {
            fail("failed to build the allocation directory: " + e.getMessage());
            return false;
        }
        String jobType = alloc.job.type;
        hooks = new TaskHookCoordinator(group.tasks);
        for (Task t : group.tasks) {
            RestartTracker restarts = new RestartTracker(t.restartPolicy != null ? t.restartPolicy : group.restartPolicy,
                    jobType, t.lifecycle, ctx.timers()::now, ctx.random());
            Driver driver = ctx.drivers().get(t.driver);
            TaskEnv env = TaskEnv.of(alloc, t, dir, ctx.node(), ctx.region(),
                    driver == null ? FSIsolation.NONE : driver.fsIsolation());
            tasks.put(t.name, new TaskRunner(alloc.id, t, dir, env, driver, restarts, ctx.timers(),
                    this::taskChanged, prestartHooks(t, env), TaskFileHooks.of(alloc, t, dir, env)));
        }
        return true;
    }

    /** What runs before each start of a task, in Nomad's order. */
    private List<TaskPrestartHook> prestartHooks(Task t, TaskEnv env) {
        return List.of(new ArtifactHook(t.name, t.artifacts, dir, env, ctx.artifactFetcher(), ctx.downloads(),
                ctx.timers()));
    }

    /** A newer version from the servers; a stop or evict kills the tasks. */
    public void update(Allocation fromServer) {
        if (orZero(fromServer.allocModifyIndex) < orZero(alloc.allocModifyIndex)) {
            return;
        }
        if (fromServer.job == null) {
            fromServer.job = alloc.job;
        }
        alloc = fromServer;
        if (fromServer.serverTerminalStatus() && !stopping) {
            stopping = true;
            TaskGroup group = alloc.lookupTaskGroup();
            long delay = group == null || group.shutdownDelay == null ? 0 : group.shutdownDelay;
            if (delay > 0) {
                // The group's shutdown_delay passes before any task is told to stop.
                ctx.timers().schedule(delay, this::killTasks);
            } else {
                killTasks();
            }
        }
    }

    private void killTasks() {
        if (destroyed) {
            return;
        }
        long now = GoTime.unixNanos(ctx.timers().now());
        for (TaskRunner t : tasks.values()) {
            t.kill(TaskRunner.killingEvent(now));
        }
    }

    /** The node is going away: tasks end at once, nothing more is reported. */
    public void destroy() {
        destroyed = true;
        health.cancel();
        for (TaskRunner t : tasks.values()) {
            t.destroy();
        }
    }

    /** The agent stops but leaves the tasks running, for the next agent to take up. */
    public void detach() {
        health.cancel();
        for (TaskRunner t : tasks.values()) {
            t.detach();
        }
    }

    @Override
    public Allocation clientUpdate() {
        Allocation u = new Allocation();
        u.id = alloc.id;
        u.nodeId = alloc.nodeId;
        u.clientStatus = status.status();
        u.clientDescription = status.description();
        u.deploymentStatus = health.status();
        if (!tasks.isEmpty()) {
            u.taskStates = new LinkedHashMap<>();
            for (Map.Entry<String, TaskRunner> e : tasks.entrySet()) {
                u.taskStates.put(e.getKey(), e.getValue().state());
            }
        }
        return u;
    }

    private void taskChanged() {
        killSiblingsIfNeeded();
        releaseMainTasksIfReady();
        status = AllocClientStatus.of(tasks.values().stream().map(TaskRunner::state).toList());
        health.tasksChanged(alloc, Allocation.CLIENT_FAILED.equals(status.status()));
        dirty.accept(this);
    }

    /** Nomad's rule: a failed task, or a leader task that ended, takes its siblings down. */
    private void killSiblingsIfNeeded() {
        if (siblingsKilled) {
            return;
        }
        for (TaskRunner t : tasks.values()) {
            if (!t.dead()) {
                continue;
            }
            boolean failed = Boolean.TRUE.equals(t.state().failed);
            if (!failed && !t.leader()) {
                continue;
            }
            siblingsKilled = true;
            long now = GoTime.unixNanos(ctx.timers().now());
            for (TaskRunner other : tasks.values()) {
                if (other != t && !other.dead()) {
                    other.kill(failed ? new TaskEvent(TaskEvent.SIBLING_FAILED, now).setFailedSibling(t.name())
                            : new TaskEvent(TaskEvent.LEADER_DEAD, now));
                }
            }
            return;
        }
    }

    /** Starts the main tasks once the prestart tasks have done their part ({@link TaskHookCoordinator}). */
    private void releaseMainTasksIfReady() {
        if (starting || hooks == null || hooks.mainTasksReleased()) {
            return;
        }
        Map<String, TaskState> states = new LinkedHashMap<>();
        tasks.forEach((name, t) -> states.put(name, t.state()));
        if (hooks.taskStatesChanged(states)) {
            for (TaskRunner t : tasks.values()) {
                t.proceed();
            }
        }
    }

    private void fail(String description) {
        status = new AllocClientStatus(Allocation.CLIENT_FAILED, description);
        dirty.accept(this);
    }

    private static long orZero(Long index) {
        return index == null ? 0 : index;
    }
}
