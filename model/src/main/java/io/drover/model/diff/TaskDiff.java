package io.drover.model.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The change of one task (Nomad's {@code structs.TaskDiff}). Fields are the task's own scalars
 * (never listed unchanged, even in a contextual diff); Objects are its nested objects in Nomad's
 * fixed order (constraints, affinities, Config, Resources, LogConfig, DispatchPayload, artifacts,
 * services, Vault, templates). Annotations is null until the plan annotator says what the change
 * forces, e.g. {@code forces create/destroy update}.
 */
@JsonPropertyOrder({"Type", "Name", "Fields", "Objects", "Annotations"})
public final class TaskDiff {
    @JsonProperty("Type") public final DiffType type;
    @JsonProperty("Name") public final String name;
    @JsonProperty("Fields") public final List<FieldDiff> fields;
    @JsonProperty("Objects") public final List<ObjectDiff> objects;
    @JsonProperty("Annotations") public final List<String> annotations;

    @JsonCreator
    public TaskDiff(@JsonProperty("Type") DiffType type, @JsonProperty("Name") String name,
            @JsonProperty("Fields") List<FieldDiff> fields, @JsonProperty("Objects") List<ObjectDiff> objects,
            @JsonProperty("Annotations") List<String> annotations) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNullElse(name, "");
        this.fields = Lists.nilIfEmpty(fields);
        this.objects = Lists.nilIfEmpty(objects);
        this.annotations = Lists.nilIfEmpty(annotations);
    }

    public TaskDiff(DiffType type, String name, List<FieldDiff> fields, List<ObjectDiff> objects) {
        this(type, name, fields, objects, null);
    }

    /** This diff with one more annotation. */
    public TaskDiff withAnnotation(String annotation) {
        return new TaskDiff(type, name, fields, objects, Lists.append(annotations, annotation));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskDiff d && type == d.type && name.equals(d.name) && Objects.equals(fields, d.fields)
                && Objects.equals(objects, d.objects) && Objects.equals(annotations, d.annotations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, fields, objects, annotations);
    }

    @Override
    public String toString() {
        return "Task \"" + name + "\" (" + type.wire() + ")" + (annotations == null ? "" : " " + annotations)
                + " {" + Lists.orEmpty(fields) + " " + Lists.orEmpty(objects) + "}";
    }
}
