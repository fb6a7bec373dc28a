package io.drover.model.diff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What happened to a field, object, task, group or job between two versions (Nomad's
 * {@code structs.DiffType}). Declared in the order Nomad sorts object diffs of the same name:
 * edited first, then added, deleted, and unchanged last.
 */
public enum DiffType {
    EDITED("Edited"),
    ADDED("Added"),
    DELETED("Deleted"),
    NONE("None");

    private final String wire;

    DiffType(String wire) {
        this.wire = wire;
    }

    /** Nomad's spelling, as written in JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DiffType fromWire(String wire) {
        for (DiffType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown diff type " + wire);
    }
}
