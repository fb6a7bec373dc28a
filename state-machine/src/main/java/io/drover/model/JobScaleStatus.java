package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code GET /v1/job/:id/scale} answers (Nomad 0.11's {@code structs.JobScaleStatus}): per
 * task group the count asked for, the live allocations and their health, and the group's recent
 * scaling events. Nomad 0.11 has no Namespace field here; later versions added one.
 */
public final class JobScaleStatus {
    @JsonProperty("JobID") public String jobId;
    @GoType("uint64") @JsonProperty("JobCreateIndex") public long jobCreateIndex;
    @GoType("uint64") @JsonProperty("JobModifyIndex") public long jobModifyIndex;
    @JsonProperty("JobStopped") public boolean jobStopped;
    /** Go encodes a map with sorted keys: a TreeMap renders the same. */
    @JsonProperty("TaskGroups") public Map<String, TaskGroupScaleStatus> taskGroups = new TreeMap<>();

    /** One group's line (Nomad's {@code structs.TaskGroupScaleStatus}). */
    public static final class TaskGroupScaleStatus {
        @JsonProperty("Desired") public int desired;
        @JsonProperty("Placed") public int placed;
        @JsonProperty("Running") public int running;
        @JsonProperty("Healthy") public int healthy;
        @JsonProperty("Unhealthy") public int unhealthy;
        @JsonProperty("Events") public List<ScalingEvent> events;
    }
}
