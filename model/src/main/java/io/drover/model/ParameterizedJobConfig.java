package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What a dispatch of a parameterized job must and may carry (Nomad's {@code structs.ParameterizedJobConfig}). */
public final class ParameterizedJobConfig {
    public static final String PAYLOAD_FORBIDDEN = "forbidden";
    public static final String PAYLOAD_OPTIONAL = "optional";
    public static final String PAYLOAD_REQUIRED = "required";

    @JsonProperty("Payload") public String payload;
    @JsonProperty("MetaRequired") public List<String> metaRequired;
    @JsonProperty("MetaOptional") public List<String> metaOptional;
}
