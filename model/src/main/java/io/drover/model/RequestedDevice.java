package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import java.util.List;

/** A device a task asks for by {@code type}, {@code vendor/type} or {@code vendor/type/name} (Nomad's {@code structs.RequestedDevice}). */
public final class RequestedDevice {
    @JsonProperty("Name") public String name;
    @GoType("uint64") @JsonProperty("Count") public Long count;
    @JsonProperty("Constraints") public List<Constraint> constraints;
    @JsonProperty("Affinities") public List<Affinity> affinities;
}
