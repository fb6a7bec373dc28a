package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A network a task or group asks for (Nomad's {@code structs.NetworkResource}): bandwidth and
 * ports. Ports are Go values, not pointers, in Nomad, hence the {@link GoType} annotations.
 * Device is not copied from a register body, as Nomad does not copy it.
 */
public final class NetworkResource {
    @JsonProperty("Mode") public String mode;
    @JsonProperty("Device") public String device;
    @JsonProperty("CIDR") public String cidr;
    @JsonProperty("IP") public String ip;
    @JsonProperty("MBits") public Integer mbits;
    @GoType("[]api.Port") @JsonProperty("ReservedPorts") public List<Port> reservedPorts;
    @GoType("[]api.Port") @JsonProperty("DynamicPorts") public List<Port> dynamicPorts;
}
