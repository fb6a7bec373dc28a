package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoNullable;
import io.drover.model.json.GoType;
import java.util.List;
import java.util.Map;

/**
 * A group of tasks placed together (Nomad's {@code structs.TaskGroup}, decoded as
 * {@code api.TaskGroup}), fields in Nomad's JSON order. After canonicalization Name, Count,
 * RestartPolicy and EphemeralDisk are set; Update, Migrate, Scaling, ReschedulePolicy,
 * ShutdownDelay and StopAfterClientDisconnect are pointers in Nomad and may stay null.
 */
public final class TaskGroup {
    @JsonProperty("Name") public String name;
    @JsonProperty("Count") public Integer count;
    @JsonProperty("Update") public UpdateStrategy update;
    @JsonProperty("Migrate") public MigrateStrategy migrate;
    @JsonProperty("Constraints") public List<Constraint> constraints;
    @JsonProperty("Scaling") public ScalingPolicy scaling;
    @JsonProperty("RestartPolicy") public RestartPolicy restartPolicy;
    @JsonProperty("Tasks") public List<Task> tasks;
    @JsonProperty("EphemeralDisk") public EphemeralDisk ephemeralDisk;
    @JsonProperty("Meta") public Map<String, String> meta;
    @JsonProperty("ReschedulePolicy") public ReschedulePolicy reschedulePolicy;
    @JsonProperty("Affinities") public List<Affinity> affinities;
    @JsonProperty("Spreads") public List<Spread> spreads;
    @JsonProperty("Networks") public List<NetworkResource> networks;
    @JsonProperty("Services") public List<Service> services;
    @JsonProperty("Volumes") public Map<String, VolumeRequest> volumes;
    @GoNullable @GoType("time.Duration") @JsonProperty("ShutdownDelay") public Long shutdownDelay;
    @GoNullable @GoType("time.Duration") @JsonProperty("StopAfterClientDisconnect") public Long stopAfterClientDisconnect;

    /** The task with this name, or null. */
    public Task lookupTask(String taskName) {
        if (tasks != null) {
            for (Task t : tasks) {
                if (t != null && taskName.equals(t.name)) {
                    return t;
                }
            }
        }
        return null;
    }
}
