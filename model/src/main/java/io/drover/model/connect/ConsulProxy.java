package io.drover.model.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The Envoy proxy of a Connect sidecar (Nomad's {@code structs.ConsulProxy}); {@link #config} is opaque and kept as given. */
public final class ConsulProxy {
    @JsonProperty("LocalServiceAddress") public String localServiceAddress;
    @JsonProperty("LocalServicePort") public Integer localServicePort;
    @JsonProperty("Upstreams") public List<ConsulUpstream> upstreams;
    /** Nomad's Go field is Expose, written as ExposeConfig. */
    @JsonProperty("ExposeConfig") public ConsulExposeConfig expose;
    @JsonProperty("Config") public Map<String, Object> config;
}
