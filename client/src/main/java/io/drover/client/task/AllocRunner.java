package io.drover.client.task;

import io.drover.client.AllocClientStatus;
import io.drover.client.AllocHealth;
import io.drover.client.ClientAlloc;
import io.drover.client.ClientTimers;
import io.drover.client.driver.Driver;
import io.drover.client.driver.FSIsolation;
import io.drover.model.Allocation;
import io.drover.model.GoTime;
import io.drover.model.Node;
import io.drover.model.Task;
import io.drover.model.TaskEvent;
import io.drover.model.TaskGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs one allocation on the node, as Nomad's alloc runner: builds its directory, runs each
 * task of its group through a {@link TaskRunner}, derives the client status from their states
 * ({@link AllocClientStatus}), stops the tasks when the servers stop the allocation, takes the
 * other tasks down when one fails (Sibling Task Failed) or when a leader task ends (Leader
 * Task Dead), and reports deployment health ({@link AllocHealth}). Each change is handed to
 * {@code dirty} for the update batcher. Confined to the node's state thread.
 */
public final class AllocRunner implements ClientAlloc {
    /** Where the node agent finds what a runner needs besides the allocation. */
    public record Context(Node node, String region, Path allocsRoot, Map<String, Driver> drivers, ClientTimers timers,
            Random random) {
        public Context {
            drivers = Map.copyOf(drivers);
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

    /** Builds the allocation directory and starts every task of the group. */
    public void start() {
        if (createTasks()) {
            for (TaskRunner t : tasks.values()) {
                t.start();
            }
        }
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
        for (Map.Entry<String, TaskRunner> e : tasks.entrySet()) {
            LocalAllocState.LocalTaskState t = saved.tasks == null ? null : saved.tasks.get(e.getKey());
            if (t == null) {
                e.getValue().start();
            } else {
                e.getValue().restore(t);
            }
        }
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
        for (Task t : group.tasks) {
            RestartTracker restarts = new RestartTracker(t.restartPolicy != null ? t.restartPolicy : group.restartPolicy,
                    jobType, ctx.timers()::now, ctx.random());
            Driver driver = ctx.drivers().get(t.driver);
            TaskEnv env = TaskEnv.of(alloc, t, dir, ctx.node(), ctx.region(),
                    driver == null ? FSIsolation.NONE : driver.fsIsolation());
            tasks.put(t.name, new TaskRunner(alloc.id, t, dir, env, driver, restarts, ctx.timers(), this::taskChanged));
        }
        return true;
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
        if (fromServer.serverTerminalStatus()) {
            long now = GoTime.unixNanos(ctx.timers().now());
            for (TaskRunner t : tasks.values()) {
                t.kill(TaskRunner.killingEvent(now));
            }
        }
    }

    /** The node is going away: tasks end at once, nothing more is reported. */
    public void destroy() {
        health.cancel();
        for (TaskRunner t : tasks.values()) {
            t.destroy();
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

    private void fail(String description) {
        status = new AllocClientStatus(Allocation.CLIENT_FAILED, description);
        dirty.accept(this);
    }

    private static long orZero(Long index) {
        return index == null ? 0 : index;
    }
}
