package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoZero;

/** Memory given to a task, in MB (Nomad's {@code structs.AllocatedMemoryResources}). */
public final class AllocatedMemoryResources {
    @JsonProperty("MemoryMB") public Long memoryMb = 0L;

    public AllocatedMemoryResources() {
    }

    public AllocatedMemoryResources(long memoryMb) {
        this.memoryMb = memoryMb;
    }

    void add(AllocatedMemoryResources delta) {
        if (delta != null) {
            memoryMb = GoZero.lng(memoryMb) + GoZero.lng(delta.memoryMb);
        }
    }

    void subtract(AllocatedMemoryResources delta) {
        if (delta != null) {
            memoryMb = GoZero.lng(memoryMb) - GoZero.lng(delta.memoryMb);
        }
    }

    void max(AllocatedMemoryResources other) {
        if (other != null && GoZero.lng(other.memoryMb) > GoZero.lng(memoryMb)) {
            memoryMb = other.memoryMb;
        }
    }
}
