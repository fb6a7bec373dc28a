package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/**
 * How a group's allocations are replaced on a job update (Nomad's {@code structs.UpdateStrategy}).
 * Durations are nanoseconds. In the API form every field is optional and missing ones are taken
 * from the job's update block, then from Nomad's defaults.
 */
public final class UpdateStrategy {
    public static final String HEALTH_CHECK_CHECKS = "checks";
    public static final String HEALTH_CHECK_TASK_STATES = "task_states";
    public static final String HEALTH_CHECK_MANUAL = "manual";

    @GoType("time.Duration") @JsonProperty("Stagger") public Long stagger;
    @JsonProperty("MaxParallel") public Integer maxParallel;
    @JsonProperty("HealthCheck") public String healthCheck;
    @GoType("time.Duration") @JsonProperty("MinHealthyTime") public Long minHealthyTime;
    @GoType("time.Duration") @JsonProperty("HealthyDeadline") public Long healthyDeadline;
    @GoType("time.Duration") @JsonProperty("ProgressDeadline") public Long progressDeadline;
    @JsonProperty("AutoRevert") public Boolean autoRevert;
    @JsonProperty("AutoPromote") public Boolean autoPromote;
    @JsonProperty("Canary") public Integer canary;

    /** Whether the strategy makes rolling updates, as Nomad's IsEmpty (MaxParallel 0 means none). */
    public boolean isEmpty() {
        return maxParallel == null || maxParallel == 0;
    }
}
