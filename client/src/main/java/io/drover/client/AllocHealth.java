package io.drover.client;

import io.drover.model.TaskGroup;
import io.drover.model.UpdateStrategy;
import io.drover.model.alloc.AllocDeploymentStatus;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoTime;
import java.time.Duration;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The deployment health an allocation in a deployment reports, as Nomad's client decides it
 * from task states alone (no checks): healthy once every task has run for the group's
 * {@code min_healthy_time}, unhealthy if a task fails first. Health, once set, does not change.
 * Confined to the node's state thread; {@code changed} runs when health is set by the timer.
 */
public final class AllocHealth {
    /** Nomad's default update stanza's min_healthy_time. */
    static final long DEFAULT_MIN_HEALTHY_NANOS = Duration.ofSeconds(10).toNanos();

    private final ClientTimers timers;
    private final BooleanSupplier allRunning;
    private final Runnable changed;
    private AllocDeploymentStatus status;
    private Future<?> timer;

    /**
     * @param allRunning whether every task of the allocation is running now
     * @param changed runs after health was set by the min_healthy_time timer
     */
    public AllocHealth(ClientTimers timers, BooleanSupplier allRunning, Runnable changed) {
        this.timers = timers;
        this.allRunning = allRunning;
        this.changed = changed;
    }

    /** What the node reports as the allocation's DeploymentStatus; null until health is known. */
    public AllocDeploymentStatus status() {
        return status;
    }

    /** Looks again after a task changed state; {@code failed}: a task of the allocation failed. */
    public void tasksChanged(Allocation alloc, boolean failed) {
        if (alloc.deploymentId == null || alloc.deploymentId.isEmpty() || (status != null && status.hasHealth())) {
            return;
        }
        if (failed) {
            cancel();
            set(alloc, false);
            return;
        }
        boolean running = allRunning.getAsBoolean();
        if (running && timer == null) {
            timer = timers.schedule(minHealthyNanos(alloc), () -> {
                timer = null;
                if (allRunning.getAsBoolean()) {
                    set(alloc, true);
                    changed.run();
                }
            });
        } else if (!running) {
            cancel();
        }
    }

    public void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void set(Allocation alloc, boolean healthy) {
        AllocDeploymentStatus s = new AllocDeploymentStatus();
        s.healthy = healthy;
        s.timestamp = GoTime.format(timers.now());
        s.canary = alloc.deploymentStatus != null && alloc.deploymentStatus.isCanary();
        status = s;
    }

    private static long minHealthyNanos(Allocation alloc) {
        TaskGroup g = alloc.lookupTaskGroup();
        UpdateStrategy u = g != null && g.update != null ? g.update : alloc.job == null ? null : alloc.job.update;
        return u == null || u.minHealthyTime == null ? DEFAULT_MIN_HEALTHY_NANOS : u.minHealthyTime;
    }
}
