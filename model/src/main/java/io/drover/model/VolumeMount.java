package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where a task mounts one of its group's volumes (Nomad's {@code structs.VolumeMount}). */
public final class VolumeMount {
    public static final String PROPAGATION_PRIVATE = "private";
    public static final String PROPAGATION_HOST_TO_TASK = "host-to-task";
    public static final String PROPAGATION_BIDIRECTIONAL = "bidirectional";

    @JsonProperty("Volume") public String volume;
    @JsonProperty("Destination") public String destination;
    @JsonProperty("ReadOnly") public Boolean readOnly;
    @JsonProperty("PropagationMode") public String propagationMode;
}
