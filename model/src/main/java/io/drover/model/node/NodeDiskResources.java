package io.drover.model.node;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A node's disk for allocations in MB (Nomad's {@code structs.NodeDiskResources}). Also stands
 * for {@code structs.NodeReservedDiskResources}, which has the same single field.
 */
public final class NodeDiskResources {
    @JsonProperty("DiskMB") public Long diskMb = 0L;

    public NodeDiskResources() {
    }

    public NodeDiskResources(long diskMb) {
        this.diskMb = diskMb;
    }
}
