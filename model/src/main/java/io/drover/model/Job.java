package io.drover.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import io.drover.model.json.NomadJson;
import java.util.List;
import java.util.Map;

/**
 * A Nomad job as the servers store it (Nomad's {@code structs.Job}), which is also the shape a
 * request body is decoded into (Nomad's {@code api.Job}). Fields are declared in the order Nomad
 * writes them to JSON; a null field is written as {@code null}, as Go writes a nil pointer, slice
 * or map.
 *
 * <p>Before {@link JobCanonicalizer#canonicalize(Job)} a null field means "not given" (a nil
 * pointer in the API struct). After it, every field that is a Go value rather than a pointer is
 * non-null, and the API-only fields ({@link #reschedule}, {@link #migrate}) are null: Nomad pushes
 * them into the task groups. Once accepted, a Job is treated as immutable: code that changes one
 * works on a {@link #copy()}.
 */
public final class Job {
    public static final String TYPE_SERVICE = "service";
    public static final String TYPE_BATCH = "batch";
    public static final String TYPE_SYSTEM = "system";
    /** Nomad's internal garbage-collection jobs; users may not submit them. */
    public static final String TYPE_CORE = "_core";

    public static final String STATUS_PENDING = "pending";
    public static final String STATUS_RUNNING = "running";
    public static final String STATUS_DEAD = "dead";

    public static final String DEFAULT_NAMESPACE = "default";
    public static final String GLOBAL_REGION = "global";
    public static final int DEFAULT_PRIORITY = 50;
    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 100;
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
    @JsonProperty("Constraints") public List<Constraint> constraints;
    @JsonProperty("Affinities") public List<Affinity> affinities;
    @JsonProperty("Spreads") public List<Spread> spreads;
    @JsonProperty("TaskGroups") public List<TaskGroup> taskGroups;
    /** A value, not a pointer, in the stored job: only Stagger and MaxParallel survive a register. */
    @JsonProperty("Update") public UpdateStrategy update;
    @JsonProperty("Periodic") public PeriodicConfig periodic;
    @JsonProperty("ParameterizedJob") public ParameterizedJobConfig parameterizedJob;
    @JsonProperty("Dispatched") public Boolean dispatched;
    /**
     * The token of the dispatch that created this child (a later Nomad's field), so a retried
     * dispatch finds it. Left out of the JSON when empty: Nomad 0.11 has no such field.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonProperty("DispatchIdempotencyToken") public String dispatchIdempotencyToken;
    @JsonProperty("Payload") public byte[] payload;
    @JsonProperty("Meta") public Map<String, String> meta;
    @JsonProperty("ConsulToken") public String consulToken;
    @JsonProperty("VaultToken") public String vaultToken;
    @JsonProperty("Status") public String status;
    @JsonProperty("StatusDescription") public String statusDescription;
    @JsonProperty("Stable") public Boolean stable;
    @GoType("uint64") @JsonProperty("Version") public Long version;
    @JsonProperty("SubmitTime") public Long submitTime;
    @GoType("uint64") @JsonProperty("CreateIndex") public Long createIndex;
    @GoType("uint64") @JsonProperty("ModifyIndex") public Long modifyIndex;
    @GoType("uint64") @JsonProperty("JobModifyIndex") public Long jobModifyIndex;

    /** API only: a job-wide reschedule policy that canonicalization merges into every group. */
    @JsonProperty(value = "Reschedule", access = JsonProperty.Access.WRITE_ONLY)
    public ReschedulePolicy reschedule;
    /** API only: a job-wide migrate strategy that canonicalization merges into every group. */
    @JsonProperty(value = "Migrate", access = JsonProperty.Access.WRITE_ONLY)
    public MigrateStrategy migrate;

    /** A deep copy, through JSON, so stored jobs are never shared mutably. */
    public Job copy() {
        return NomadJson.copy(this, Job.class);
    }

    public boolean isStopped() {
        return Boolean.TRUE.equals(stop);
    }

    public boolean isPeriodic() {
        return periodic != null;
    }

    /** Whether this job launches children when its periodic spec fires, as Nomad's IsPeriodicActive. */
    public boolean isPeriodicActive() {
        return isPeriodic() && Boolean.TRUE.equals(periodic.enabled) && !isStopped() && !isParameterized();
    }

    public boolean isParameterized() {
        return parameterizedJob != null && !Boolean.TRUE.equals(dispatched);
    }

    /** The task group with this name, or null. */
    public TaskGroup lookupTaskGroup(String groupName) {
        if (taskGroups != null) {
            for (TaskGroup tg : taskGroups) {
                if (tg != null && groupName.equals(tg.name)) {
                    return tg;
                }
            }
        }
        return null;
    }
}
