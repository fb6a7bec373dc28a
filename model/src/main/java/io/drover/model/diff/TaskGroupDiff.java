package io.drover.model.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The change of one task group (Nomad's {@code structs.TaskGroupDiff}); tasks are sorted by name.
 * Updates counts what the scheduler would do to the group's allocations ({@code create},
 * {@code destroy}, {@code in-place update}...); it is null until the plan annotator fills it, and
 * an empty map (written {@code {}}) when the scheduler had the group but nothing to do. Its keys
 * are kept sorted, as Go writes map keys.
 */
@JsonPropertyOrder({"Type", "Name", "Fields", "Objects", "Tasks", "Updates"})
public final class TaskGroupDiff {
    @JsonProperty("Type") public final DiffType type;
    @JsonProperty("Name") public final String name;
    @JsonProperty("Fields") public final List<FieldDiff> fields;
    @JsonProperty("Objects") public final List<ObjectDiff> objects;
    @JsonProperty("Tasks") public final List<TaskDiff> tasks;
    @JsonProperty("Updates") public final SortedMap<String, Long> updates;

    @JsonCreator
    public TaskGroupDiff(@JsonProperty("Type") DiffType type, @JsonProperty("Name") String name,
            @JsonProperty("Fields") List<FieldDiff> fields, @JsonProperty("Objects") List<ObjectDiff> objects,
            @JsonProperty("Tasks") List<TaskDiff> tasks, @JsonProperty("Updates") Map<String, Long> updates) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNullElse(name, "");
        this.fields = Lists.nilIfEmpty(fields);
        this.objects = Lists.nilIfEmpty(objects);
        this.tasks = Lists.nilIfEmpty(tasks);
        this.updates = updates == null ? null : Collections.unmodifiableSortedMap(new TreeMap<>(updates));
    }

    public TaskGroupDiff(DiffType type, String name, List<FieldDiff> fields, List<ObjectDiff> objects,
            List<TaskDiff> tasks) {
        this(type, name, fields, objects, tasks, null);
    }

    /** This diff with its fields, tasks and updates replaced, as the plan annotator leaves it. */
    public TaskGroupDiff annotated(List<FieldDiff> newFields, List<TaskDiff> newTasks, Map<String, Long> newUpdates) {
        return new TaskGroupDiff(type, name, newFields, objects, newTasks, newUpdates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskGroupDiff d && type == d.type && name.equals(d.name)
                && Objects.equals(fields, d.fields) && Objects.equals(objects, d.objects)
                && Objects.equals(tasks, d.tasks) && Objects.equals(updates, d.updates);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, fields, objects, tasks, updates);
    }

    @Override
    public String toString() {
        return "Group \"" + name + "\" (" + type.wire() + ")" + (updates == null ? "" : " " + updates)
                + " {" + Lists.orEmpty(fields) + " " + Lists.orEmpty(objects) + " " + Lists.orEmpty(tasks) + "}";
    }
}
