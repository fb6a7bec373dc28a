package io.drover.client;

import io.drover.model.AllocDeploymentStatus;
import io.drover.model.Allocation;
import io.drover.model.GoTime;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.TaskState;
import io.drover.model.UpdateStrategy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One allocation on a simulated node, as Nomad's alloc runner: runs its group's tasks, derives
 * the client status from their states (any failed: failed; any running: running; all dead:
 * complete), and, for an allocation in a deployment, reports it healthy once every task has
 * run for the group's {@code min_healthy_time} (unhealthy if it fails first). Each change is
 * handed to {@code dirty} so the update batcher sends it. Confined to the simulator's thread.
 */
final class SimAlloc {
    /** Nomad's default update stanza's min_healthy_time. */
    static final long DEFAULT_MIN_HEALTHY_NANOS = Duration.ofSeconds(10).toNanos();

    private final String nodeId;
    private final SimTimers timers;
    private final Consumer<SimAlloc> dirty;
    private final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private Allocation alloc;
    private String clientStatus = Allocation.CLIENT_PENDING;
    private String clientDescription = "No tasks have started";
    private AllocDeploymentStatus deploymentStatus;
    private Future<?> healthTimer;

    SimAlloc(Allocation alloc, SimTimers timers, Consumer<SimAlloc> dirty) {
        this.alloc = alloc;
        this.nodeId = alloc.nodeId;
        this.timers = timers;
        this.dirty = dirty;
    }

    String id() {
        return alloc.id;
    }

    String clientStatus() {
        return clientStatus;
    }

    boolean terminal() {
        return Allocation.CLIENT_COMPLETE.equals(clientStatus) || Allocation.CLIENT_FAILED.equals(clientStatus);
    }

    /** Starts every task of the group; an allocation without its job or group fails at once. */
    void start() {
        TaskGroup group = alloc.lookupTaskGroup();
        if (group == null || group.tasks == null || group.tasks.isEmpty()) {
            clientStatus = Allocation.CLIENT_FAILED;
            clientDescription = "nodesim: allocation has no job or task group to run";
            dirty.accept(this);
            return;
        }
        for (Task t : group.tasks) {
            tasks.put(t.name, new SimTask(MockTaskConfig.of(t), t.killTimeout, timers, this::taskChanged));
        }
        for (SimTask t : tasks.values()) {
            t.start();
        }
    }

    /** A newer version from the servers; a stop or evict kills the tasks. */
    void update(Allocation fromServer) {
        if (orZero(fromServer.allocModifyIndex) < orZero(alloc.allocModifyIndex)) {
            return;
        }
        if (fromServer.job == null || terminal()) {
            fromServer.job = alloc.job;
        }
        alloc = fromServer;
        if (fromServer.serverTerminalStatus()) {
            for (SimTask t : tasks.values()) {
                t.kill();
            }
        }
    }

    /** Ends every running task as if it exited with {@code exitCode}. */
    void exitAll(int exitCode, String errMsg) {
        for (SimTask t : tasks.values()) {
            t.exit(exitCode, 0, errMsg);
        }
    }

    void abandon() {
        cancelHealthTimer();
        for (SimTask t : tasks.values()) {
            t.abandon();
        }
    }

    /**
     * What the node tells the servers, as Nomad's client strips an allocation before sending
     * it: only the fields a client may change.
     */
    Allocation clientUpdate() {
        Allocation u = new Allocation();
        u.id = alloc.id;
        u.nodeId = nodeId;
        u.clientStatus = clientStatus;
        u.clientDescription = clientDescription;
        u.deploymentStatus = deploymentStatus;
        if (!tasks.isEmpty()) {
            u.taskStates = new LinkedHashMap<>();
            for (Map.Entry<String, SimTask> e : tasks.entrySet()) {
                u.taskStates.put(e.getKey(), e.getValue().state());
            }
        }
        return u;
    }

    private void taskChanged() {
        boolean pending = false;
        boolean running = false;
        boolean dead = false;
        boolean failed = false;
        for (SimTask t : tasks.values()) {
            TaskState s = t.state();
            switch (s.state) {
                case TaskState.STATE_RUNNING -> running = true;
                case TaskState.STATE_PENDING -> pending = true;
                case TaskState.STATE_DEAD -> {
                    if (Boolean.TRUE.equals(s.failed)) {
                        failed = true;
                    } else {
                        dead = true;
                    }
                }
                default -> { }
            }
        }
        if (failed) {
            set(Allocation.CLIENT_FAILED, "Failed tasks");
        } else if (running) {
            set(Allocation.CLIENT_RUNNING, "Tasks are running");
        } else if (pending) {
            set(Allocation.CLIENT_PENDING, "No tasks have started");
        } else if (dead) {
            set(Allocation.CLIENT_COMPLETE, "All tasks have completed");
        }
        trackHealth(failed);
        if (terminal()) {
            // Nothing runs any more: let the job go, a simulator holds many finished allocations.
            alloc.job = null;
        }
        dirty.accept(this);
    }

    private void set(String status, String description) {
        clientStatus = status;
        clientDescription = description;
    }

    private void trackHealth(boolean failed) {
        if (alloc.deploymentId == null || alloc.deploymentId.isEmpty() || (deploymentStatus != null && deploymentStatus.hasHealth())) {
            return;
        }
        if (failed) {
            cancelHealthTimer();
            setHealth(false);
            return;
        }
        boolean allRunning = tasks.values().stream().allMatch(SimTask::running);
        if (allRunning && healthTimer == null) {
            healthTimer = timers.schedule(minHealthyNanos(), () -> {
                healthTimer = null;
                if (tasks.values().stream().allMatch(SimTask::running)) {
                    setHealth(true);
                    dirty.accept(this);
                }
            });
        } else if (!allRunning) {
            cancelHealthTimer();
        }
    }

    private void setHealth(boolean healthy) {
        AllocDeploymentStatus s = new AllocDeploymentStatus();
        s.healthy = healthy;
        s.timestamp = GoTime.format(timers.now());
        s.canary = alloc.deploymentStatus != null && alloc.deploymentStatus.isCanary();
        deploymentStatus = s;
    }

    private long minHealthyNanos() {
        TaskGroup g = alloc.lookupTaskGroup();
        UpdateStrategy u = g != null && g.update != null ? g.update : alloc.job == null ? null : alloc.job.update;
        return u == null || u.minHealthyTime == null ? DEFAULT_MIN_HEALTHY_NANOS : u.minHealthyTime;
    }

    private static long orZero(Long index) {
        return index == null ? 0 : index;
    }

    private void cancelHealthTimer() {
        if (healthTimer != null) {
            healthTimer.cancel(false);
            healthTimer = null;
        }
    }
}
