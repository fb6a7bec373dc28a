package io.drover.model.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The change of one flattened value (Nomad's {@code structs.FieldDiff}), e.g. {@code Count} or
 * {@code Meta[owner]} or {@code args[0]}. Old and New are Go's {@code %v} spellings of the
 * values; an absent value is the empty string, so Added has an empty Old and Deleted an empty
 * New. Annotations is null unless the plan annotator added some.
 */
@JsonPropertyOrder({"Type", "Name", "Old", "New", "Annotations"})
public final class FieldDiff {
    @JsonProperty("Type") public final DiffType type;
    @JsonProperty("Name") public final String name;
    @JsonProperty("Old") public final String old;
    @JsonProperty("New") public final String updated;
    @JsonProperty("Annotations") public final List<String> annotations;

    @JsonCreator
    public FieldDiff(@JsonProperty("Type") DiffType type, @JsonProperty("Name") String name,
            @JsonProperty("Old") String old, @JsonProperty("New") String updated,
            @JsonProperty("Annotations") List<String> annotations) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNullElse(name, "");
        this.old = Objects.requireNonNullElse(old, "");
        this.updated = Objects.requireNonNullElse(updated, "");
        this.annotations = Lists.nilIfEmpty(annotations);
    }

    public FieldDiff(DiffType type, String name, String old, String updated) {
        this(type, name, old, updated, null);
    }

    /** This diff with one more annotation. */
    public FieldDiff withAnnotation(String annotation) {
        return new FieldDiff(type, name, old, updated, Lists.append(annotations, annotation));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldDiff f && type == f.type && name.equals(f.name) && old.equals(f.old)
                && updated.equals(f.updated) && Objects.equals(annotations, f.annotations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, old, updated, annotations);
    }

    @Override
    public String toString() {
        return name + " (" + type.wire() + "): \"" + old + "\" => \"" + updated + "\""
                + (annotations == null ? "" : " " + annotations);
    }
}
