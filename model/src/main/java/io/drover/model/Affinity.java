package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** A soft placement preference with a weight in [-100, 100] (Nomad's {@code structs.Affinity}); the weight defaults to 50. */
public final class Affinity {
    public static final int DEFAULT_WEIGHT = 50;

    @JsonProperty("LTarget") public String lTarget;
    @JsonProperty("RTarget") public String rTarget;
    @JsonProperty("Operand") public String operand;
    @GoType("int8") @JsonProperty("Weight") public Integer weight;
}
