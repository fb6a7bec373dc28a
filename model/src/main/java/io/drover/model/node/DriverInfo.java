package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What a node's client knows of one task driver (Nomad's {@code structs.DriverInfo}): whether
 * fingerprinting detected it, whether its health check passes, and its attributes.
 * {@link #updateTime} is an RFC 3339 time (see {@link GoTime}). A new instance is Go's zero value.
 */
public final class DriverInfo {
    @JsonProperty("Attributes") public Map<String, String> attributes;
    @JsonProperty("Detected") public Boolean detected = false;
    @JsonProperty("Healthy") public Boolean healthy = false;
    @JsonProperty("HealthDescription") public String healthDescription = "";
    @JsonProperty("UpdateTime") public String updateTime;
}
