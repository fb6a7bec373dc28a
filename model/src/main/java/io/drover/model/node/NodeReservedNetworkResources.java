package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Host ports a node keeps from jobs on every interface (Nomad's
 * {@code structs.NodeReservedNetworkResources}), as a port list such as {@code 22,80,8000-8100}.
 */
public final class NodeReservedNetworkResources {
    @JsonProperty("ReservedHostPorts") public String reservedHostPorts = "";

    /** The reserved ports, sorted; throws {@link IllegalArgumentException} on a malformed list. */
    public List<Integer> parseReservedHostPorts() {
        return PortRanges.parse(reservedHostPorts);
    }
}
