package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;

/** How a failed allocation is replaced on another node (Nomad's {@code structs.ReschedulePolicy}); durations in nanoseconds. */
public final class ReschedulePolicy {
    @JsonProperty("Attempts") public Integer attempts;
    @GoType("time.Duration") @JsonProperty("Interval") public Long interval;
    @GoType("time.Duration") @JsonProperty("Delay") public Long delay;
    @JsonProperty("DelayFunction") public String delayFunction;
    @GoType("time.Duration") @JsonProperty("MaxDelay") public Long maxDelay;
    @JsonProperty("Unlimited") public Boolean unlimited;

    /** Whether failed allocations are rescheduled at all, as Nomad's Enabled. */
    public boolean isEnabled() {
        return (attempts != null && attempts > 0) || Boolean.TRUE.equals(unlimited);
    }
}
