package io.drover.model.scaling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scaling events of one job (Nomad's {@code structs.JobScalingEvents}): per task group,
 * newest first, at most {@link #TRACKED_EVENTS} each, so an autoscaler that keeps failing cannot
 * grow the state without bound.
 */
public final class JobScalingEvents {
    /** Nomad's JobTrackedScalingEvents. */
    public static final int TRACKED_EVENTS = 20;

    @JsonProperty("Namespace") public String namespace;
    @JsonProperty("JobID") public String jobId;
    @JsonProperty("ScalingEvents") public Map<String, List<ScalingEvent>> scalingEvents = new TreeMap<>();
    @GoType("uint64") @JsonProperty("ModifyIndex") public long modifyIndex;

    /** Puts {@code event} first in its group's list and drops the oldest beyond the limit. */
    public void add(String group, ScalingEvent event) {
        List<ScalingEvent> events = scalingEvents.computeIfAbsent(group, g -> new ArrayList<>());
        events.add(0, event);
        while (events.size() > TRACKED_EVENTS) {
            events.remove(events.size() - 1);
        }
    }

    /** The events of a group, newest first; null when it has none (as Nomad renders a missing entry). */
    public List<ScalingEvent> of(String group) {
        return scalingEvents.get(group);
    }
}
