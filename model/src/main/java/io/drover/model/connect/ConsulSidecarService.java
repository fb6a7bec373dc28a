package io.drover.model.connect;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The sidecar service registered for a Connect service (Nomad's {@code structs.ConsulSidecarService}). */
public final class ConsulSidecarService {
    @JsonProperty("Tags") public List<String> tags;
    @JsonProperty("Port") public String port;
    @JsonProperty("Proxy") public ConsulProxy proxy;
}
