package io.drover.model.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.alloc.AllocMetric;
import io.drover.model.json.GoOmitEmpty;
import io.drover.model.json.NomadJson;
import java.util.Map;

/**
 * An evaluation: a request to reconcile a job's desired and actual state (Nomad's
 * {@code structs.Evaluation}). Nomad encodes it with {@code omitempty}, so empty fields are left
 * out of its JSON.
 */
@JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = GoOmitEmpty.class)
public final class Evaluation {
    public static final String STATUS_BLOCKED = "blocked";
    public static final String STATUS_PENDING = "pending";
    public static final String STATUS_COMPLETE = "complete";
    public static final String STATUS_FAILED = "failed";
    public static final String STATUS_CANCELED = "canceled";

    public static final String TRIGGER_JOB_REGISTER = "job-register";
    public static final String TRIGGER_JOB_DEREGISTER = "job-deregister";
    public static final String TRIGGER_PERIODIC_JOB = "periodic-job";
    public static final String TRIGGER_NODE_UPDATE = "node-update";
    public static final String TRIGGER_NODE_DRAIN = "node-drain";
    public static final String TRIGGER_ALLOC_STOP = "alloc-stop";
    public static final String TRIGGER_RETRY_FAILED_ALLOC = "alloc-failure";
    public static final String TRIGGER_FAILED_FOLLOW_UP = "failed-follow-up";
    public static final String TRIGGER_SCALING = "job-scaling";

    @JsonProperty("ID") public String id;
    @JsonProperty("Namespace") public String namespace;
    @JsonProperty("Priority") public Integer priority;
    @JsonProperty("Type") public String type;
    @JsonProperty("TriggeredBy") public String triggeredBy;
    @JsonProperty("JobID") public String jobId;
    @JsonProperty("JobModifyIndex") public Long jobModifyIndex;
    @JsonProperty("NodeID") public String nodeId;
    @JsonProperty("NodeModifyIndex") public Long nodeModifyIndex;
    @JsonProperty("DeploymentID") public String deploymentId;
    @JsonProperty("Status") public String status;
    @JsonProperty("StatusDescription") public String statusDescription;
    @JsonProperty("Wait") public Long wait;
    @JsonProperty("WaitUntil") public String waitUntil;
    @JsonProperty("NextEval") public String nextEval;
    @JsonProperty("PreviousEval") public String previousEval;
    @JsonProperty("BlockedEval") public String blockedEval;
    @JsonProperty("FailedTGAllocs") public Map<String, AllocMetric> failedTgAllocs;
    @JsonProperty("ClassEligibility") public Map<String, Boolean> classEligibility;
    @JsonProperty("QuotaLimitReached") public String quotaLimitReached;
    @JsonProperty("EscapedComputedClass") public Boolean escapedComputedClass;
    @JsonProperty("AnnotatePlan") public Boolean annotatePlan;
    @JsonProperty("QueuedAllocations") public Map<String, Integer> queuedAllocations;
    @JsonProperty("LeaderACL") public String leaderAcl;
    @JsonProperty("SnapshotIndex") public Long snapshotIndex;
    @JsonProperty("CreateIndex") public Long createIndex;
    @JsonProperty("ModifyIndex") public Long modifyIndex;
    @JsonProperty("CreateTime") public Long createTime;
    @JsonProperty("ModifyTime") public Long modifyTime;

    /** Whether the evaluation will not be processed again (complete, failed or canceled). */
    public boolean isTerminal() {
        return STATUS_COMPLETE.equals(status) || STATUS_FAILED.equals(status) || STATUS_CANCELED.equals(status);
    }

    public Evaluation copy() {
        return NomadJson.copy(this, Evaluation.class);
    }
}
