package io.drover.model.diff;

import io.drover.model.Task;
import io.drover.model.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Diffs of a group's tasks (Nomad's {@code Task.Diff} and {@code taskDiffs}). Tasks are matched by
 * name and every task of either side gets a diff, unchanged ones as None, sorted by name.
 *
 * <p>A task is Edited when anything in it differs, even what the diff does not show (its
 * RestartPolicy, Lifecycle, VolumeMounts, CSIPluginConfig, Kind's objects); then its diff may list
 * nothing. Its own scalars (Driver, User, KillTimeout, Leader, ShutdownDelay, KillSignal, Kind,
 * Env and Meta entries) are never listed unchanged, even in a contextual diff.
 */
final class TaskDiffs {
    private static final Set<String> FILTER = Set.of("Name", "Config");
    /** Constraints and affinities carry a memoized string in Go, which Nomad filters out. */
    private static final Set<String> PLACEMENT_FILTER = Set.of("str");

    private TaskDiffs() {
    }

    static List<TaskDiff> tasks(List<Task> old, List<Task> updated, boolean contextual) {
        List<TaskDiff> out = ByKey.pairs(old, updated, t -> t.name, (o, n) -> diff(o, n, contextual));
        out.sort((a, b) -> GoValues.compare(a.name, b.name));
        return out;
    }

    /**
     * The diff of one task; either side may be null (Added or Deleted), not both.
     *
     * @throws IllegalArgumentException when both are given with different names
     */
    static TaskDiff diff(Task old, Task updated, boolean contextual) {
        DiffType type;
        String name;
        if (old == null) {
            type = DiffType.ADDED;
            name = updated.name;
        } else if (updated == null) {
            type = DiffType.DELETED;
            name = old.name;
        } else {
            type = GoEquality.deepEqual(old, updated) ? DiffType.NONE : DiffType.EDITED;
            if (!nz(old.name).equals(nz(updated.name))) {
                throw new IllegalArgumentException("can not diff tasks with different names: "
                        + JobDiffs.quote(old.name) + " and " + JobDiffs.quote(updated.name));
            }
            name = updated.name;
        }
        Task o = old == null ? new Task() : old;
        Task n = updated == null ? new Task() : updated;
        List<FieldDiff> fields = FieldDiffs.of(Flatmap.primitives(old, FILTER), Flatmap.primitives(updated, FILTER),
                false);

        List<ObjectDiff> objects = new ArrayList<>();
        objects.addAll(ObjectDiffs.primitiveSet(o.constraints, n.constraints, PLACEMENT_FILTER, "Constraint",
                contextual));
        objects.addAll(ObjectDiffs.primitiveSet(o.affinities, n.affinities, PLACEMENT_FILTER, "Affinity",
                contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.freeForm(o.config, n.config, "Config", contextual));
        ObjectDiffs.addIfAny(objects, ResourceDiffs.resources(o.resources, n.resources, contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.primitive(o.logConfig, n.logConfig, null, "LogConfig", contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.primitive(o.dispatchPayload, n.dispatchPayload, null,
                "DispatchPayload", contextual));
        objects.addAll(ObjectDiffs.primitiveSet(o.artifacts, n.artifacts, null, "Artifact", contextual));
        objects.addAll(ServiceDiffs.services(o.services, n.services, contextual));
        ObjectDiffs.addIfAny(objects, vault(o.vault, n.vault, contextual));
        objects.addAll(ObjectDiffs.primitiveSet(o.templates, n.templates, null, "Template", contextual));
        return new TaskDiff(type, name, fields, objects);
    }

    private static ObjectDiff vault(Vault old, Vault updated, boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        List<ObjectDiff> objects = new ArrayList<>();
        ObjectDiffs.addIfAny(objects, ObjectDiffs.stringSet(old == null ? null : old.policies,
                updated == null ? null : updated.policies, "Policies", contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "Vault",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual),
                objects);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
