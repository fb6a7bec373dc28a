package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A host directory a node's client offers to jobs as a volume (Nomad's {@code structs.ClientHostVolumeConfig}). */
public final class ClientHostVolumeConfig {
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Path") public String path = "";
    @JsonProperty("ReadOnly") public Boolean readOnly = false;
}
