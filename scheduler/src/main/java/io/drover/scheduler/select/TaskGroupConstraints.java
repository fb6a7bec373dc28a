package io.drover.scheduler.select;

import io.drover.model.Constraint;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A group's own and its tasks' constraints, and the drivers its tasks use (Nomad's {@code taskGroupConstraints}). */
record TaskGroupConstraints(List<Constraint> constraints, Set<String> drivers) {
    static TaskGroupConstraints of(TaskGroup tg) {
        List<Constraint> constraints = new ArrayList<>();
        Set<String> drivers = new LinkedHashSet<>();
        if (tg.constraints != null) {
            constraints.addAll(tg.constraints);
        }
        for (Task t : tg.tasks == null ? List.<Task>of() : tg.tasks) {
            drivers.add(t.driver == null ? "" : t.driver);
            if (t.constraints != null) {
                constraints.addAll(t.constraints);
            }
        }
        return new TaskGroupConstraints(constraints, drivers);
    }
}
