package io.drover.model.connect;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A service a Connect proxy forwards a local port to (Nomad's {@code structs.ConsulUpstream}). */
public final class ConsulUpstream {
    @JsonProperty("DestinationName") public String destinationName;
    @JsonProperty("LocalBindPort") public Integer localBindPort;
}
