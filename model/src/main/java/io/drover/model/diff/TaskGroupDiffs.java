package io.drover.model.diff;

import io.drover.model.TaskGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Diffs of a job's task groups (Nomad's {@code TaskGroup.Diff} and {@code taskGroupDiffs}). Groups
 * are matched by name and every group of either side gets a diff, unchanged ones as None, sorted
 * by name.
 *
 * <p>A group is Edited when anything in it differs, even what the diff does not show (Migrate,
 * Spreads, Volumes, Scaling); then its diff may list nothing. Its own scalars (Count, Meta
 * entries, and for an edited group ShutdownDelay and StopAfterClientDisconnect, which are
 * pointers Nomad spells out by hand) are never listed unchanged, even in a contextual diff.
 */
final class TaskGroupDiffs {
    private static final Set<String> FILTER = Set.of("Name");
    private static final Set<String> PLACEMENT_FILTER = Set.of("str");
    /** COMPAT in Nomad: the group update block's Stagger is not shown. */
    private static final Set<String> UPDATE_FILTER = Set.of("Stagger");

    private TaskGroupDiffs() {
    }

    static List<TaskGroupDiff> groups(List<TaskGroup> old, List<TaskGroup> updated, boolean contextual) {
        List<TaskGroupDiff> out = ByKey.pairs(old, updated, g -> g.name, (o, n) -> diff(o, n, contextual));
        out.sort((a, b) -> GoValues.compare(a.name, b.name));
        return out;
    }

    /**
     * The diff of one group; either side may be null (Added or Deleted), not both.
     *
     * @throws IllegalArgumentException when both are given with different names
     */
    static TaskGroupDiff diff(TaskGroup old, TaskGroup updated, boolean contextual) {
        DiffType type;
        String name;
        Map<String, String> oldFlat = Flatmap.primitives(old, FILTER);
        Map<String, String> newFlat = Flatmap.primitives(updated, FILTER);
        if (old == null) {
            type = DiffType.ADDED;
            name = updated.name;
        } else if (updated == null) {
            type = DiffType.DELETED;
            name = old.name;
        } else {
            type = GoEquality.deepEqual(old, updated) ? DiffType.NONE : DiffType.EDITED;
            if (!nz(old.name).equals(nz(updated.name))) {
                throw new IllegalArgumentException("can not diff task groups with different names: "
                        + JobDiffs.quote(old.name) + " and " + JobDiffs.quote(updated.name));
            }
            name = updated.name;
            // Pointers flatten to nothing; Nomad adds these two by hand, but only when both sides exist.
            oldFlat.put("ShutdownDelay", pointer(old.shutdownDelay));
            newFlat.put("ShutdownDelay", pointer(updated.shutdownDelay));
            oldFlat.put("StopAfterClientDisconnect", pointer(old.stopAfterClientDisconnect));
            newFlat.put("StopAfterClientDisconnect", pointer(updated.stopAfterClientDisconnect));
        }
        TaskGroup o = old == null ? new TaskGroup() : old;
        TaskGroup n = updated == null ? new TaskGroup() : updated;
        List<FieldDiff> fields = FieldDiffs.of(oldFlat, newFlat, false);

        List<ObjectDiff> objects = new ArrayList<>();
        objects.addAll(ObjectDiffs.primitiveSet(o.constraints, n.constraints, PLACEMENT_FILTER, "Constraint",
                contextual));
        objects.addAll(ObjectDiffs.primitiveSet(o.affinities, n.affinities, PLACEMENT_FILTER, "Affinity",
                contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.primitive(o.restartPolicy, n.restartPolicy, null, "RestartPolicy",
                contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.primitive(o.reschedulePolicy, n.reschedulePolicy, null,
                "ReschedulePolicy", contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.primitive(o.ephemeralDisk, n.ephemeralDisk, null, "EphemeralDisk",
                contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.primitive(o.update, n.update, UPDATE_FILTER, "Update",
                contextual));
        objects.addAll(ResourceDiffs.networks(o.networks, n.networks, contextual));
        objects.addAll(ServiceDiffs.services(o.services, n.services, contextual));

        List<TaskDiff> tasks = TaskDiffs.tasks(o.tasks, n.tasks, contextual);
        return new TaskGroupDiff(type, name, fields, objects, tasks);
    }

    /** Nomad's {@code fmt.Sprintf("%d", *d)}, or the empty string for nil. */
    private static String pointer(Long nanos) {
        return nanos == null ? "" : Long.toString(nanos);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
