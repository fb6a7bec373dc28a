package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A host or CSI volume a group asks for (Nomad's {@code structs.VolumeRequest}); other types are dropped at register, as Nomad drops them. */
public final class VolumeRequest {
    public static final String TYPE_HOST = "host";
    public static final String TYPE_CSI = "csi";

    @JsonProperty("Name") public String name;
    @JsonProperty("Type") public String type;
    @JsonProperty("Source") public String source;
    @JsonProperty("ReadOnly") public Boolean readOnly;
    @JsonProperty("MountOptions") public CSIMountOptions mountOptions;
}
