package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The scratch disk a group's allocation gets (Nomad's {@code structs.EphemeralDisk}); 300 MB unless asked otherwise. */
public final class EphemeralDisk {
    public static final int DEFAULT_SIZE_MB = 300;

    @JsonProperty("Sticky") public Boolean sticky;
    @JsonProperty("SizeMB") public Integer sizeMb;
    @JsonProperty("Migrate") public Boolean migrate;
}
