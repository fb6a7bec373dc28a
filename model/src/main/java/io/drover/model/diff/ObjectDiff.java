package io.drover.model.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The change of a nested object of a job, group or task (Nomad's {@code structs.ObjectDiff}):
 * a policy, a constraint, a service, the driver config, a set of strings such as Datacenters.
 * Fields are sorted by name (then old, then new value); Fields and Objects are null when empty.
 */
@JsonPropertyOrder({"Type", "Name", "Fields", "Objects"})
public final class ObjectDiff {
    @JsonProperty("Type") public final DiffType type;
    @JsonProperty("Name") public final String name;
    @JsonProperty("Fields") public final List<FieldDiff> fields;
    @JsonProperty("Objects") public final List<ObjectDiff> objects;

    @JsonCreator
    public ObjectDiff(@JsonProperty("Type") DiffType type, @JsonProperty("Name") String name,
            @JsonProperty("Fields") List<FieldDiff> fields, @JsonProperty("Objects") List<ObjectDiff> objects) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNullElse(name, "");
        this.fields = Lists.nilIfEmpty(fields);
        this.objects = Lists.nilIfEmpty(objects);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectDiff d && type == d.type && name.equals(d.name)
                && Objects.equals(fields, d.fields) && Objects.equals(objects, d.objects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, fields, objects);
    }

    @Override
    public String toString() {
        return "\"" + name + "\" (" + type.wire() + ") {" + Lists.orEmpty(fields) + " " + Lists.orEmpty(objects) + "}";
    }
}
