package io.drover.model.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.Job;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import io.drover.model.json.NomadJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The roll-out of one job version (Nomad's {@code structs.Deployment}): per task group, how many
 * allocations are placed, healthy and canaries, and an overall status.
 */
public final class Deployment {
    public static final String STATUS_RUNNING = "running";
    public static final String STATUS_PAUSED = "paused";
    public static final String STATUS_FAILED = "failed";
    public static final String STATUS_SUCCESSFUL = "successful";
    public static final String STATUS_CANCELLED = "cancelled";

    public static final String DESCRIPTION_RUNNING = "Deployment is running";
    public static final String DESCRIPTION_RUNNING_NEEDS_PROMOTION = "Deployment is running but requires manual promotion";
    public static final String DESCRIPTION_RUNNING_AUTO_PROMOTION = "Deployment is running pending automatic promotion";
    public static final String DESCRIPTION_PAUSED = "Deployment is paused";
    public static final String DESCRIPTION_SUCCESSFUL = "Deployment completed successfully";
    public static final String DESCRIPTION_STOPPED_JOB = "Cancelled because job is stopped";
    public static final String DESCRIPTION_NEWER_JOB = "Cancelled due to newer version of job";
    public static final String DESCRIPTION_FAILED_ALLOCATIONS = "Failed due to unhealthy allocations";
    public static final String DESCRIPTION_PROGRESS_DEADLINE = "Failed due to progress deadline";
    public static final String DESCRIPTION_FAILED_BY_USER = "Deployment marked as failed";

    @JsonProperty("ID") public String id = "";
    @JsonProperty("Namespace") public String namespace = "";
    @JsonProperty("JobID") public String jobId = "";
    @GoType("uint64") @JsonProperty("JobVersion") public Long jobVersion = 0L;
    @GoType("uint64") @JsonProperty("JobModifyIndex") public Long jobModifyIndex = 0L;
    @GoType("uint64") @JsonProperty("JobSpecModifyIndex") public Long jobSpecModifyIndex = 0L;
    @GoType("uint64") @JsonProperty("JobCreateIndex") public Long jobCreateIndex = 0L;
    @JsonProperty("TaskGroups") public Map<String, DeploymentState> taskGroups;
    @JsonProperty("Status") public String status = "";
    @JsonProperty("StatusDescription") public String statusDescription = "";
    @GoType("uint64") @JsonProperty("CreateIndex") public Long createIndex = 0L;
    @GoType("uint64") @JsonProperty("ModifyIndex") public Long modifyIndex = 0L;

    /** Nomad's NewDeployment: a running deployment of {@code job}'s current version; the caller supplies the ID. */
    public static Deployment of(Job job, String id) {
        Deployment d = new Deployment();
        d.id = id;
        d.namespace = GoZero.str(job.namespace);
        d.jobId = GoZero.str(job.id);
        d.jobVersion = GoZero.lng(job.version);
        d.jobModifyIndex = GoZero.lng(job.modifyIndex);
        d.jobSpecModifyIndex = GoZero.lng(job.jobModifyIndex);
        d.jobCreateIndex = GoZero.lng(job.createIndex);
        d.status = STATUS_RUNNING;
        d.statusDescription = DESCRIPTION_RUNNING;
        d.taskGroups = new LinkedHashMap<>();
        return d;
    }

    public Deployment copy() {
        return NomadJson.copy(this, Deployment.class);
    }

    /** Nomad's Active: running or paused. */
    public boolean active() {
        return STATUS_RUNNING.equals(status) || STATUS_PAUSED.equals(status);
    }

    /** Nomad's HasPlacedCanaries. */
    public boolean hasPlacedCanaries() {
        if (taskGroups != null) {
            for (DeploymentState s : taskGroups.values()) {
                if (s.placedCanaries != null && !s.placedCanaries.isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Nomad's RequiresPromotion: running, with a group whose canaries are not promoted yet. */
    public boolean requiresPromotion() {
        if (taskGroups == null || !STATUS_RUNNING.equals(status)) {
            return false;
        }
        for (DeploymentState s : taskGroups.values()) {
            if (GoZero.num(s.desiredCanaries) > 0 && !GoZero.bool(s.promoted)) {
                return true;
            }
        }
        return false;
    }

    /** Nomad's HasAutoPromote: running, with at least one group, and every group auto-promotes. */
    public boolean hasAutoPromote() {
        if (taskGroups == null || taskGroups.isEmpty() || !STATUS_RUNNING.equals(status)) {
            return false;
        }
        for (DeploymentState s : taskGroups.values()) {
            if (!GoZero.bool(s.autoPromote)) {
                return false;
            }
        }
        return true;
    }

    /** Nomad's DeploymentStatusDescriptionRollback. */
    public static String descriptionRollback(String base, long jobVersion) {
        return base + " - rolling back to job version " + jobVersion;
    }

    /** Nomad's DeploymentStatusDescriptionRollbackNoop. */
    public static String descriptionRollbackNoop(String base, long jobVersion) {
        return base + " - not rolling back to stable job version " + jobVersion
                + " as current job has same specification";
    }

    /** Nomad's DeploymentStatusDescriptionNoRollbackTarget. */
    public static String descriptionNoRollbackTarget(String base) {
        return base + " - no stable job version to auto revert to";
    }
}
