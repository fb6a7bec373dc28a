package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** How a CSI volume is mounted (Nomad's {@code structs.CSIMountOptions}). */
public final class CSIMountOptions {
    @JsonProperty("FSType") public String fsType;
    @JsonProperty("MountFlags") public List<String> mountFlags;
}
