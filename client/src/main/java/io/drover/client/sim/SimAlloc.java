package io.drover.client.sim;

import io.drover.client.AllocClientStatus;
import io.drover.client.AllocHealth;
import io.drover.client.ClientAlloc;
import io.drover.client.ClientTimers;
import io.drover.client.MockTaskConfig;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.Allocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One allocation on a simulated node, as Nomad's alloc runner: runs its group's tasks, derives
 * the client status from their states (any failed: failed; any running: running; all dead:
 * complete), and, for an allocation in a deployment, reports it healthy once every task has
 * run for the group's {@code min_healthy_time} (unhealthy if it fails first). Each change is
 * handed to {@code dirty} so the update batcher sends it. Confined to the simulator's thread.
 */
final class SimAlloc implements ClientAlloc {
    private final String nodeId;
    private final ClientTimers timers;
    private final Consumer<SimAlloc> dirty;
    private final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private Allocation alloc;
    private String clientStatus = Allocation.CLIENT_PENDING;
    private String clientDescription = "No tasks have started";
    private final AllocHealth health;

    SimAlloc(Allocation alloc, ClientTimers timers, Consumer<SimAlloc> dirty) {
        this.alloc = alloc;
        this.nodeId = alloc.nodeId;
        this.timers = timers;
        this.dirty = dirty;
        this.health = new AllocHealth(timers, () -> tasks.values().stream().allMatch(SimTask::running),
                () -> dirty.accept(this));
    }

    @Override
    public String id() {
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
        health.cancel();
        for (SimTask t : tasks.values()) {
            t.abandon();
        }
    }

    @Override
    public Allocation clientUpdate() {
        Allocation u = new Allocation();
        u.id = alloc.id;
        u.nodeId = nodeId;
        u.clientStatus = clientStatus;
        u.clientDescription = clientDescription;
        u.deploymentStatus = health.status();
        if (!tasks.isEmpty()) {
            u.taskStates = new LinkedHashMap<>();
            for (Map.Entry<String, SimTask> e : tasks.entrySet()) {
                u.taskStates.put(e.getKey(), e.getValue().state());
            }
        }
        return u;
    }

    private void taskChanged() {
        AllocClientStatus derived = AllocClientStatus.of(tasks.values().stream().map(SimTask::state).toList());
        clientStatus = derived.status();
        clientDescription = derived.description();
        health.tasksChanged(alloc, Allocation.CLIENT_FAILED.equals(clientStatus));
        if (terminal()) {
            // Nothing runs any more: let the job go, a simulator holds many finished allocations.
            alloc.job = null;
        }
        dirty.accept(this);
    }

    private static long orZero(Long index) {
        return index == null ? 0 : index;
    }

}
