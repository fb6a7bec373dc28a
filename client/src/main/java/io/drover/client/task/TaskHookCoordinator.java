package io.drover.client.task;

import io.drover.model.Task;
import io.drover.model.TaskLifecycleConfig;
import io.drover.model.alloc.TaskState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds a group's main tasks back until its prestart tasks have done their part, as Nomad's
 * task hook coordinator: a prestart sidecar must have started, an ordinary (ephemeral) prestart
 * task must have completed successfully. Prestart tasks themselves start at once. Once the main
 * tasks are released they stay released: a sidecar that later restarts does not hold them again.
 */
final class TaskHookCoordinator {
    private final Set<String> sidecarsToStart = new HashSet<>();
    private final Set<String> prestartToComplete = new HashSet<>();

    TaskHookCoordinator(List<Task> tasks) {
        for (Task t : tasks) {
            if (prestart(t)) {
                if (Boolean.TRUE.equals(t.lifecycle.sidecar)) {
                    sidecarsToStart.add(t.name);
                } else {
                    prestartToComplete.add(t.name);
                }
            }
        }
    }

    /** Whether {@code task} may be set up and started now. */
    boolean startConditionMet(Task task) {
        return prestart(task) || mainTasksReleased();
    }

    boolean mainTasksReleased() {
        return sidecarsToStart.isEmpty() && prestartToComplete.isEmpty();
    }

    /**
     * Takes in the group's task states.
     *
     * @return true when this released the main tasks (once)
     */
    boolean taskStatesChanged(Map<String, TaskState> states) {
        if (mainTasksReleased()) {
            return false;
        }
        sidecarsToStart.removeIf(name -> {
            TaskState s = states.get(name);
            return s != null && s.startedAt != null && !s.startedAt.isEmpty();
        });
        prestartToComplete.removeIf(name -> {
            TaskState s = states.get(name);
            return s != null && TaskState.STATE_DEAD.equals(s.state) && !Boolean.TRUE.equals(s.failed);
        });
        return mainTasksReleased();
    }

    static boolean prestart(Task task) {
        return task.lifecycle != null && TaskLifecycleConfig.HOOK_PRESTART.equals(task.lifecycle.hook);
    }
}
