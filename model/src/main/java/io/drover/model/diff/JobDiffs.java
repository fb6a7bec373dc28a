package io.drover.model.diff;

import io.drover.model.Job;
import io.drover.model.ParameterizedJobConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Nomad 0.11.3's job diff ({@code Job.Diff} in {@code nomad/structs/diff.go}): what changed
 * between a stored job and a submitted one (the plan endpoint) or between two stored versions
 * (the versions endpoint). Both use contextual diffs.
 *
 * <p>Shown: the job's scalars except those the servers set (ID, Status, StatusDescription,
 * Version, Stable, SubmitTime, the indexes) and except its Update block; Datacenters;
 * constraints; affinities; task groups; Periodic; ParameterizedJob. Not shown, as in Nomad: the
 * job's Spreads and Payload (a change to only those leaves the job None). In a contextual diff,
 * nested objects that changed also list their unchanged fields (as None), and unchanged sets of
 * strings inside changed objects are listed as None.
 *
 * <p>The inputs must be server-side jobs (canonicalized); they are only read.
 */
public final class JobDiffs {
    private static final Set<String> FILTER = Set.of("ID", "Status", "StatusDescription", "Version", "Stable",
            "CreateIndex", "ModifyIndex", "JobModifyIndex", "Update", "SubmitTime");
    private static final Set<String> PLACEMENT_FILTER = Set.of("str");

    private JobDiffs() {
    }

    /**
     * The diff from {@code old} to {@code updated}. A null old gives an Added diff, a null updated
     * a Deleted one, both null an empty None diff.
     *
     * @param contextual whether changed objects also list their unchanged fields
     * @throws IllegalArgumentException when the jobs have different IDs, or a group or task of the
     *     same name is somehow named differently; Nomad's message
     */
    public static JobDiff diff(Job old, Job updated, boolean contextual) {
        DiffType type = DiffType.NONE;
        String id;
        if (old == null && updated == null) {
            return new JobDiff(DiffType.NONE, "", null, null, null);
        } else if (old == null) {
            type = DiffType.ADDED;
            id = updated.id;
        } else if (updated == null) {
            type = DiffType.DELETED;
            id = old.id;
        } else {
            if (!nz(old.id).equals(nz(updated.id))) {
                throw new IllegalArgumentException("can not diff jobs with different IDs: " + quote(old.id) + " and "
                        + quote(updated.id));
            }
            id = updated.id;
        }
        Job o = old == null ? new Job() : old;
        Job n = updated == null ? new Job() : updated;

        List<FieldDiff> fields = FieldDiffs.of(Flatmap.primitives(old, FILTER), Flatmap.primitives(updated, FILTER),
                false);
        List<ObjectDiff> objects = new ArrayList<>();
        ObjectDiff datacenters = ObjectDiffs.stringSet(o.datacenters, n.datacenters, "Datacenters", contextual);
        if (datacenters != null && datacenters.type != DiffType.NONE) {
            objects.add(datacenters);
        }
        objects.addAll(ObjectDiffs.primitiveSet(o.constraints, n.constraints, PLACEMENT_FILTER, "Constraint",
                contextual));
        objects.addAll(ObjectDiffs.primitiveSet(o.affinities, n.affinities, PLACEMENT_FILTER, "Affinity",
                contextual));
        List<TaskGroupDiff> groups = TaskGroupDiffs.groups(o.taskGroups, n.taskGroups, contextual);
        ObjectDiffs.addIfAny(objects, ObjectDiffs.primitive(o.periodic, n.periodic, null, "Periodic", contextual));
        ObjectDiffs.addIfAny(objects, parameterized(o.parameterizedJob, n.parameterizedJob, contextual));

        // The filtered fields change on every register, so the type comes from what is shown.
        if (type == DiffType.NONE && (fields.stream().anyMatch(f -> f.type != DiffType.NONE)
                || objects.stream().anyMatch(d -> d.type != DiffType.NONE)
                || groups.stream().anyMatch(g -> g.type != DiffType.NONE))) {
            type = DiffType.EDITED;
        }
        return new JobDiff(type, id, fields, objects, groups);
    }

    /**
     * The diffs {@code GET /v1/job/:id/versions?diffs=true} answers (Nomad's GetJobVersions): for
     * versions listed newest first, each version's contextual diff against the next older one,
     * in the same order; one fewer than the versions, null when there are fewer than two (Nomad
     * leaves the slice nil).
     *
     * @throws IllegalArgumentException as {@link #diff}
     */
    public static List<JobDiff> versions(List<Job> newestFirst) {
        if (newestFirst.size() < 2) {
            return null;
        }
        List<JobDiff> diffs = new ArrayList<>(newestFirst.size() - 1);
        for (int i = 0; i + 1 < newestFirst.size(); i++) {
            diffs.add(diff(newestFirst.get(i + 1), newestFirst.get(i), true));
        }
        return diffs;
    }

    private static ObjectDiff parameterized(ParameterizedJobConfig old, ParameterizedJobConfig updated,
            boolean contextual) {
        if (GoEquality.deepEqual(old, updated)) {
            return null;
        }
        List<ObjectDiff> objects = new ArrayList<>();
        ObjectDiffs.addIfAny(objects, ObjectDiffs.stringSet(old == null ? null : old.metaOptional,
                updated == null ? null : updated.metaOptional, "MetaOptional", contextual));
        ObjectDiffs.addIfAny(objects, ObjectDiffs.stringSet(old == null ? null : old.metaRequired,
                updated == null ? null : updated.metaRequired, "MetaRequired", contextual));
        return new ObjectDiff(ObjectDiffs.presence(old, updated), "ParameterizedJob",
                FieldDiffs.of(Flatmap.primitives(old, null), Flatmap.primitives(updated, null), contextual),
                objects);
    }

    /** Go's {@code %q} of the plain names that reach the error messages. */
    static String quote(String s) {
        return "\"" + nz(s).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
