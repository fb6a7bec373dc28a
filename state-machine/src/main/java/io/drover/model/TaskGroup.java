package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A group of tasks placed together (Nomad's {@code structs.TaskGroup}), fields in Nomad's JSON order. */
public final class TaskGroup {
    @JsonProperty("Name") public String name;
    @JsonProperty("Count") public Integer count;
    @JsonProperty("Update") public JsonNode update;
    @JsonProperty("Migrate") public JsonNode migrate;
    @JsonProperty("Constraints") public JsonNode constraints;
    @JsonProperty("Scaling") public JsonNode scaling;
    @JsonProperty("RestartPolicy") public JsonNode restartPolicy;
    @JsonProperty("Tasks") public JsonNode tasks;
    @JsonProperty("EphemeralDisk") public JsonNode ephemeralDisk;
    @JsonProperty("Meta") public Map<String, String> meta;
    @JsonProperty("ReschedulePolicy") public JsonNode reschedulePolicy;
    @JsonProperty("Affinities") public JsonNode affinities;
    @JsonProperty("Spreads") public JsonNode spreads;
    @JsonProperty("Networks") public JsonNode networks;
    @JsonProperty("Services") public JsonNode services;
    @JsonProperty("Volumes") public JsonNode volumes;
    @JsonProperty("ShutdownDelay") public Long shutdownDelay;
    @JsonProperty("StopAfterClientDisconnect") public Long stopAfterClientDisconnect;
}
