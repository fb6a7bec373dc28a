package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** The share of allocations wanted for one attribute value (Nomad's {@code structs.SpreadTarget}). */
public final class SpreadTarget {
    @JsonProperty("Value") public String value;
    @GoType("uint8") @JsonProperty("Percent") public Integer percent;
}
