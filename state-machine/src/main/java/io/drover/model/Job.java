package io.drover.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A Nomad job as the servers store it (Nomad's {@code structs.Job}). Fields are declared in the
 * order Nomad writes them to JSON; a null field is written as {@code null}, as Go writes a nil
 * pointer, slice or map. Once canonicalized and accepted, a Job is treated as immutable: code
 * that changes one works on a {@link #copy()}.
 */
public final class Job {
    public static final String TYPE_SERVICE = "service";
    public static final String TYPE_BATCH = "batch";
    public static final String TYPE_SYSTEM = "system";

    public static final String STATUS_PENDING = "pending";
    public static final String STATUS_RUNNING = "running";
    public static final String STATUS_DEAD = "dead";

    public static final int DEFAULT_PRIORITY = 50;
    /** How many versions of a job are kept, as Nomad's JobTrackedVersions. */
    public static final int TRACKED_VERSIONS = 6;

    @JsonProperty("Stop") public Boolean stop;
    @JsonProperty("Region") public String region;
    @JsonProperty("Namespace") public String namespace;
    @JsonProperty("ID") public String id;
    @JsonProperty("ParentID") public String parentId;
    @JsonProperty("Name") public String name;
    @JsonProperty("Type") public String type;
    @JsonProperty("Priority") public Integer priority;
    @JsonProperty("AllAtOnce") public Boolean allAtOnce;
    @JsonProperty("Datacenters") public List<String> datacenters;
    @JsonProperty("Constraints") public JsonNode constraints;
    @JsonProperty("Affinities") public JsonNode affinities;
    @JsonProperty("Spreads") public JsonNode spreads;
    @JsonProperty("TaskGroups") public List<TaskGroup> taskGroups;
    @JsonProperty("Update") public JsonNode update;
    @JsonProperty("Periodic") public JsonNode periodic;
    @JsonProperty("ParameterizedJob") public JsonNode parameterizedJob;
    @JsonProperty("Dispatched") public Boolean dispatched;
    @JsonProperty("Payload") public byte[] payload;
    @JsonProperty("Meta") public Map<String, String> meta;
    @JsonProperty("ConsulToken") public String consulToken;
    @JsonProperty("VaultToken") public String vaultToken;
    @JsonProperty("Status") public String status;
    @JsonProperty("StatusDescription") public String statusDescription;
    @JsonProperty("Stable") public Boolean stable;
    @JsonProperty("Version") public Long version;
    @JsonProperty("SubmitTime") public Long submitTime;
    @JsonProperty("CreateIndex") public Long createIndex;
    @JsonProperty("ModifyIndex") public Long modifyIndex;
    @JsonProperty("JobModifyIndex") public Long jobModifyIndex;

    /** A deep copy, through JSON, so stored jobs are never shared mutably. */
    public Job copy() {
        return NomadJson.copy(this, Job.class);
    }

    public boolean isStopped() {
        return Boolean.TRUE.equals(stop);
    }

    public boolean isPeriodic() {
        return periodic != null && !periodic.isNull();
    }

    public boolean isParameterized() {
        return parameterizedJob != null && !parameterizedJob.isNull() && !Boolean.TRUE.equals(dispatched);
    }
}
