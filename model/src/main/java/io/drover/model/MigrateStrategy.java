package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** How allocations leave a draining node (Nomad's {@code structs.MigrateStrategy}); only service groups have one. */
public final class MigrateStrategy {
    @JsonProperty("MaxParallel") public Integer maxParallel;
    @JsonProperty("HealthCheck") public String healthCheck;
    @GoType("time.Duration") @JsonProperty("MinHealthyTime") public Long minHealthyTime;
    @GoType("time.Duration") @JsonProperty("HealthyDeadline") public Long healthyDeadline;
}
