package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoNullable;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;

/**
 * An allocation's standing in its deployment (Nomad's {@code structs.AllocDeploymentStatus}):
 * whether it was marked healthy (null: not yet decided) and whether it is a canary.
 */
public final class AllocDeploymentStatus {
    @GoNullable @JsonProperty("Healthy") public Boolean healthy;
    /** When the health was set; RFC 3339 (see {@link GoTime}). */
    @JsonProperty("Timestamp") public String timestamp;
    @JsonProperty("Canary") public Boolean canary = false;
    @GoType("uint64") @JsonProperty("ModifyIndex") public Long modifyIndex = 0L;

    public boolean hasHealth() {
        return healthy != null;
    }

    public boolean isHealthy() {
        return Boolean.TRUE.equals(healthy);
    }

    public boolean isUnhealthy() {
        return Boolean.FALSE.equals(healthy);
    }

    public boolean isCanary() {
        return GoZero.bool(canary);
    }
}
