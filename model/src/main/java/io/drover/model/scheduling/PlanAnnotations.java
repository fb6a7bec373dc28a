package io.drover.model.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.alloc.AllocListStub;
import java.util.List;
import java.util.Map;

/** The scheduler's account of a plan for operators (Nomad's {@code structs.PlanAnnotations}), as a job plan shows it. */
public final class PlanAnnotations {
    @JsonProperty("DesiredTGUpdates") public Map<String, DesiredUpdates> desiredTgUpdates;
    @JsonProperty("PreemptedAllocs") public List<AllocListStub> preemptedAllocs;
}
