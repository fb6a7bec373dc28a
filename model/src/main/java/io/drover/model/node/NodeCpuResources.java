package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A node's CPU in MHz (Nomad's {@code structs.NodeCpuResources}: cores times frequency). Also
 * stands for {@code structs.NodeReservedCpuResources}, which has the same single field.
 */
public final class NodeCpuResources {
    @JsonProperty("CpuShares") public Long cpuShares = 0L;

    public NodeCpuResources() {
    }

    public NodeCpuResources(long cpuShares) {
        this.cpuShares = cpuShares;
    }
}
