package io.drover.model.alloc;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.json.GoType;
import io.drover.model.json.GoZero;
import java.util.List;
import java.util.Map;

/**
 * An allocation as allocation lists show it (Nomad's {@code structs.AllocListStub}), e.g.
 * {@code GET /v1/job/:id/allocations}: no job, no resources, no metrics. Unlike
 * {@link Allocation} every field is written, empty or not. Built by {@link Allocation#stub()}.
 */
public final class AllocListStub {
    @JsonProperty("ID") public String id = "";
    @JsonProperty("EvalID") public String evalId = "";
    @JsonProperty("Name") public String name = "";
    @JsonProperty("Namespace") public String namespace = "";
    @JsonProperty("NodeID") public String nodeId = "";
    @JsonProperty("NodeName") public String nodeName = "";
    @JsonProperty("JobID") public String jobId = "";
    @JsonProperty("JobType") public String jobType = "";
    @GoType("uint64") @JsonProperty("JobVersion") public Long jobVersion = 0L;
    @JsonProperty("TaskGroup") public String taskGroup = "";
    @JsonProperty("DesiredStatus") public String desiredStatus = "";
    @JsonProperty("DesiredDescription") public String desiredDescription = "";
    @JsonProperty("ClientStatus") public String clientStatus = "";
    @JsonProperty("ClientDescription") public String clientDescription = "";
    @JsonProperty("DesiredTransition") public DesiredTransition desiredTransition = new DesiredTransition();
    @JsonProperty("TaskStates") public Map<String, TaskState> taskStates;
    @JsonProperty("DeploymentStatus") public AllocDeploymentStatus deploymentStatus;
    @JsonProperty("FollowupEvalID") public String followupEvalId = "";
    @JsonProperty("RescheduleTracker") public RescheduleTracker rescheduleTracker;
    @JsonProperty("PreemptedAllocations") public List<String> preemptedAllocations;
    @JsonProperty("PreemptedByAllocation") public String preemptedByAllocation = "";
    @GoType("uint64") @JsonProperty("CreateIndex") public Long createIndex = 0L;
    @GoType("uint64") @JsonProperty("ModifyIndex") public Long modifyIndex = 0L;
    @JsonProperty("CreateTime") public Long createTime = 0L;
    @JsonProperty("ModifyTime") public Long modifyTime = 0L;

    /** Nomad's SetEventDisplayMessages: fills each task event's display message where empty. */
    public void setEventDisplayMessages() {
        setDisplayMessages(taskStates);
    }

    static void setDisplayMessages(Map<String, TaskState> taskStates) {
        if (taskStates == null) {
            return;
        }
        for (TaskState s : taskStates.values()) {
            if (s != null) {
                for (TaskEvent e : GoZero.list(s.events)) {
                    if (e != null) {
                        e.populateDisplayMessage();
                    }
                }
            }
        }
    }
}
