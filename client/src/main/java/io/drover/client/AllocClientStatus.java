package io.drover.client;

import io.drover.model.alloc.Allocation;
import io.drover.model.alloc.TaskState;
import java.util.Collection;

/**
 * An allocation's client status as Nomad's alloc runner derives it from its tasks' states:
 * any task failed makes it failed; else any running, running; else any pending, pending; else
 * (all dead) complete.
 *
 * @param status Nomad's ClientStatus
 * @param description Nomad's ClientDescription for it
 */
public record AllocClientStatus(String status, String description) {
    public static final AllocClientStatus PENDING = new AllocClientStatus(Allocation.CLIENT_PENDING, "No tasks have started");

    public static AllocClientStatus of(Collection<TaskState> states) {
        boolean pending = false;
        boolean running = false;
        boolean dead = false;
        boolean failed = false;
        for (TaskState s : states) {
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
            return new AllocClientStatus(Allocation.CLIENT_FAILED, "Failed tasks");
        } else if (running) {
            return new AllocClientStatus(Allocation.CLIENT_RUNNING, "Tasks are running");
        } else if (pending || !dead) {
            return PENDING;
        }
        return new AllocClientStatus(Allocation.CLIENT_COMPLETE, "All tasks have completed");
    }

    public boolean terminal() {
        return Allocation.CLIENT_COMPLETE.equals(status) || Allocation.CLIENT_FAILED.equals(status);
    }
}
