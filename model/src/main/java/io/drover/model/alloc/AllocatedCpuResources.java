package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoZero;

/** CPU given to a task, in MHz (Nomad's {@code structs.AllocatedCpuResources}). */
public final class AllocatedCpuResources {
    @JsonProperty("CpuShares") public Long cpuShares = 0L;

    public AllocatedCpuResources() {
    }

    public AllocatedCpuResources(long cpuShares) {
        this.cpuShares = cpuShares;
    }

    void add(AllocatedCpuResources delta) {
        if (delta != null) {
            cpuShares = GoZero.lng(cpuShares) + GoZero.lng(delta.cpuShares);
        }
    }

    void subtract(AllocatedCpuResources delta) {
        if (delta != null) {
            cpuShares = GoZero.lng(cpuShares) - GoZero.lng(delta.cpuShares);
        }
    }

    void max(AllocatedCpuResources other) {
        if (other != null && GoZero.lng(other.cpuShares) > GoZero.lng(cpuShares)) {
            cpuShares = other.cpuShares;
        }
    }
}
