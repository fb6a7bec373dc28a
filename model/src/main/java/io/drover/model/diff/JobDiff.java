package io.drover.model.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The change between two versions of a job (Nomad's {@code structs.JobDiff}), as
 * {@code POST /v1/job/:id/plan} returns it under {@code Diff} and
 * {@code GET /v1/job/:id/versions?diffs=true} under {@code Diffs}. Built by {@link JobDiffs}.
 *
 * <p>Fields are the job's own scalars, never listed unchanged; Objects are, in this order,
 * Datacenters, constraints, affinities, Periodic and ParameterizedJob; TaskGroups are sorted by
 * name and include unchanged groups. Type is Edited only when something listed changed.
 */
@JsonPropertyOrder({"Type", "ID", "Fields", "Objects", "TaskGroups"})
public final class JobDiff {
    @JsonProperty("Type") public final DiffType type;
    @JsonProperty("ID") public final String id;
    @JsonProperty("Fields") public final List<FieldDiff> fields;
    @JsonProperty("Objects") public final List<ObjectDiff> objects;
    @JsonProperty("TaskGroups") public final List<TaskGroupDiff> taskGroups;

    @JsonCreator
    public JobDiff(@JsonProperty("Type") DiffType type, @JsonProperty("ID") String id,
            @JsonProperty("Fields") List<FieldDiff> fields, @JsonProperty("Objects") List<ObjectDiff> objects,
            @JsonProperty("TaskGroups") List<TaskGroupDiff> taskGroups) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = Objects.requireNonNullElse(id, "");
        this.fields = Lists.nilIfEmpty(fields);
        this.objects = Lists.nilIfEmpty(objects);
        this.taskGroups = Lists.nilIfEmpty(taskGroups);
    }

    /** This diff with its task groups replaced, as the plan annotator leaves it. */
    public JobDiff withTaskGroups(List<TaskGroupDiff> newGroups) {
        return new JobDiff(type, id, fields, objects, newGroups);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobDiff d && type == d.type && id.equals(d.id) && Objects.equals(fields, d.fields)
                && Objects.equals(objects, d.objects) && Objects.equals(taskGroups, d.taskGroups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, id, fields, objects, taskGroups);
    }

    @Override
    public String toString() {
        return "Job \"" + id + "\" (" + type.wire() + ") {" + Lists.orEmpty(fields) + " " + Lists.orEmpty(objects)
                + " " + Lists.orEmpty(taskGroups) + "}";
    }
}
