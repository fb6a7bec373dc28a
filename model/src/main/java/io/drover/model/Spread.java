package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import java.util.List;

/** A wish to spread allocations over the values of a node attribute (Nomad's {@code structs.Spread}); the weight defaults to 50. */
public final class Spread {
    public static final int DEFAULT_WEIGHT = 50;

    @JsonProperty("Attribute") public String attribute;
    @GoType("int8") @JsonProperty("Weight") public Integer weight;
    @JsonProperty("SpreadTarget") public List<SpreadTarget> spreadTarget;
}
