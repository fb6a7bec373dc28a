package io.drover.model.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import java.util.List;

/** A deployment's progress for one task group (Nomad's {@code structs.DeploymentState}). */
public final class DeploymentState {
    @JsonProperty("AutoRevert") public Boolean autoRevert = false;
    @JsonProperty("AutoPromote") public Boolean autoPromote = false;
    @GoType("time.Duration") @JsonProperty("ProgressDeadline") public Long progressDeadline = 0L;
    /** RFC 3339 (see {@link GoTime}); null until the first placement sets it. */
    @JsonProperty("RequireProgressBy") public String requireProgressBy;
    @JsonProperty("Promoted") public Boolean promoted = false;
    @JsonProperty("PlacedCanaries") public List<String> placedCanaries;
    @JsonProperty("DesiredCanaries") public Integer desiredCanaries = 0;
    @JsonProperty("DesiredTotal") public Integer desiredTotal = 0;
    @JsonProperty("PlacedAllocs") public Integer placedAllocs = 0;
    @JsonProperty("HealthyAllocs") public Integer healthyAllocs = 0;
    @JsonProperty("UnhealthyAllocs") public Integer unhealthyAllocs = 0;
}
