package io.drover.model.diff;

import io.drover.model.scheduling.DesiredUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nomad's {@code scheduler.Annotate}: explains a plan's job diff to a human. Each task group diff
 * gets the scheduler's counts as {@code Updates} ({@code create}, {@code destroy},
 * {@code in-place update}...), a changed {@code Count} field is marked {@code forces create} or
 * {@code forces destroy}, and each changed task is marked with what its change forces.
 *
 * <p>A task's change is in-place only when it touches nothing but KillTimeout among its own
 * fields and nothing but LogConfig, services and constraints among its objects; anything else
 * forces a create/destroy update. In a group that is itself added or deleted, an added task
 * forces create and a deleted one forces destroy.
 */
public final class PlanAnnotator {
    public static final String FORCES_CREATE = "forces create";
    public static final String FORCES_DESTROY = "forces destroy";
    public static final String FORCES_IN_PLACE_UPDATE = "forces in-place update";
    public static final String FORCES_DESTRUCTIVE_UPDATE = "forces create/destroy update";

    public static final String UPDATE_IGNORE = "ignore";
    public static final String UPDATE_CREATE = "create";
    public static final String UPDATE_DESTROY = "destroy";
    public static final String UPDATE_MIGRATE = "migrate";
    public static final String UPDATE_CANARY = "canary";
    public static final String UPDATE_IN_PLACE = "in-place update";
    public static final String UPDATE_DESTRUCTIVE = "create/destroy update";

    private static final String COUNT_FIELD = "Count";

    private PlanAnnotator() {
    }

    /**
     * The diff, annotated.
     *
     * @param desiredTgUpdates the scheduler's desired updates by group name, or null when the
     *     plan has no annotations (then only counts and tasks are annotated)
     * @throws IllegalArgumentException when a Count field's values are not integers
     */
    public static JobDiff annotate(JobDiff diff, Map<String, DesiredUpdates> desiredTgUpdates) {
        if (diff.taskGroups == null) {
            return diff;
        }
        List<TaskGroupDiff> groups = new ArrayList<>();
        for (TaskGroupDiff g : diff.taskGroups) {
            groups.add(annotateGroup(g, desiredTgUpdates));
        }
        return diff.withTaskGroups(groups);
    }

    private static TaskGroupDiff annotateGroup(TaskGroupDiff group, Map<String, DesiredUpdates> desired) {
        Map<String, Long> updates = group.updates;
        DesiredUpdates d = desired == null ? null : desired.get(group.name);
        if (d != null) {
            Map<String, Long> u = updates == null ? new TreeMap<>() : new TreeMap<>(updates);
            putIfAny(u, UPDATE_IGNORE, d.ignore);
            putIfAny(u, UPDATE_CREATE, d.place);
            putIfAny(u, UPDATE_MIGRATE, d.migrate);
            putIfAny(u, UPDATE_DESTROY, d.stop);
            putIfAny(u, UPDATE_CANARY, d.canary);
            putIfAny(u, UPDATE_IN_PLACE, d.inPlaceUpdate);
            putIfAny(u, UPDATE_DESTRUCTIVE, d.destructiveUpdate);
            updates = u;
        }
        return group.annotated(annotateCount(group.fields), annotateTasks(group), updates);
    }

    private static void putIfAny(Map<String, Long> updates, String key, long count) {
        if (count != 0) {
            updates.put(key, count);
        }
    }

    /** Marks the first Count field: more allocations force creates, fewer force destroys. */
    private static List<FieldDiff> annotateCount(List<FieldDiff> fields) {
        if (fields == null) {
            return null;
        }
        List<FieldDiff> out = new ArrayList<>(fields);
        for (int i = 0; i < out.size(); i++) {
            FieldDiff f = out.get(i);
            if (!COUNT_FIELD.equals(f.name)) {
                continue;
            }
            long oldCount = count(f.old);
            long newCount = count(f.updated);
            if (oldCount < newCount) {
                out.set(i, f.withAnnotation(FORCES_CREATE));
            } else if (newCount < oldCount) {
                out.set(i, f.withAnnotation(FORCES_DESTROY));
            }
            break;
        }
        return out;
    }

    private static long count(String value) {
        if (value.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.Atoi: parsing \"" + value + "\": invalid syntax", e);
        }
    }

    private static List<TaskDiff> annotateTasks(TaskGroupDiff group) {
        if (group.tasks == null) {
            return null;
        }
        List<TaskDiff> out = new ArrayList<>();
        for (TaskDiff t : group.tasks) {
            out.add(annotateTask(t, group.type));
        }
        return out;
    }

    private static TaskDiff annotateTask(TaskDiff task, DiffType groupType) {
        if (task.type == DiffType.NONE) {
            return task;
        }
        if (groupType == DiffType.ADDED || groupType == DiffType.DELETED) {
            if (task.type == DiffType.ADDED) {
                return task.withAnnotation(FORCES_CREATE);
            } else if (task.type == DiffType.DELETED) {
                return task.withAnnotation(FORCES_DESTROY);
            }
        }
        return task.withAnnotation(isDestructive(task) ? FORCES_DESTRUCTIVE_UPDATE : FORCES_IN_PLACE_UPDATE);
    }

    private static boolean isDestructive(TaskDiff task) {
        for (FieldDiff f : Lists.orEmpty(task.fields)) {
            if (!"KillTimeout".equals(f.name)) {
                return true;
            }
        }
        for (ObjectDiff o : Lists.orEmpty(task.objects)) {
            switch (o.name) {
                case "LogConfig", "Service", "Constraint" -> {
                }
                default -> {
                    return true;
                }
            }
        }
        return false;
    }
}
