package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A named port (Nomad's {@code structs.Port}): Value is the host port (0 until assigned when dynamic), To the mapped port. */
public final class Port {
    @JsonProperty("Label") public String label;
    @JsonProperty("Value") public Integer value;
    @JsonProperty("To") public Integer to;

    public Port() {
    }

    public Port(String label, int value, int to) {
        this.label = label;
        this.value = value;
        this.to = to;
    }

    /** A copy: ports are Go values, so each holder needs its own. */
    public Port copy() {
        Port c = new Port();
        c.label = label;
        c.value = value;
        c.to = to;
        return c;
    }
}
