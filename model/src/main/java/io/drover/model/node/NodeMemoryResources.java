package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A node's memory in MB (Nomad's {@code structs.NodeMemoryResources}). Also stands for
 * {@code structs.NodeReservedMemoryResources}, which has the same single field.
 */
public final class NodeMemoryResources {
    @JsonProperty("MemoryMB") public Long memoryMb = 0L;

    public NodeMemoryResources() {
    }

    public NodeMemoryResources(long memoryMb) {
        this.memoryMb = memoryMb;
    }
}
