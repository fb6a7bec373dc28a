package io.drover.model.scaling;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.drover.model.Job;
import io.drover.model.TaskGroup;
import io.drover.model.alloc.AllocDeploymentStatus;
import io.drover.model.alloc.Allocation;
import io.drover.model.json.GoType;
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

    /**
     * The status of {@code job} as Nomad computes it: Desired is the group's count; the job's
     * live allocations (canaries aside) count as Placed, and by client status and deployment
     * health; events are the group's, newest first.
     *
     * @param allocs the job's allocations (those of its current registration)
     */
    public static JobScaleStatus of(Job job, JobScalingEvents events, List<Allocation> allocs) {
        JobScaleStatus status = new JobScaleStatus();
        status.jobId = job.id;
        status.jobCreateIndex = job.createIndex == null ? 0 : job.createIndex;
        status.jobModifyIndex = job.modifyIndex == null ? 0 : job.modifyIndex;
        status.jobStopped = Boolean.TRUE.equals(job.stop);
        if (job.taskGroups != null) {
            for (TaskGroup tg : job.taskGroups) {
                TaskGroupScaleStatus g = new TaskGroupScaleStatus();
                g.desired = tg.count == null ? 0 : tg.count;
                g.events = events == null ? null : events.of(tg.name);
                status.taskGroups.put(tg.name, g);
            }
        }
        for (Allocation a : allocs) {
            TaskGroupScaleStatus g = status.taskGroups.get(a.taskGroup);
            if (g == null || !counts(a)) {
                continue;
            }
            g.placed++;
            if (Allocation.CLIENT_RUNNING.equals(a.clientStatus)) {
                g.running++;
            }
            AllocDeploymentStatus ds = a.deploymentStatus;
            if (ds != null && ds.hasHealth()) {
                if (ds.isHealthy()) {
                    g.healthy++;
                } else if (ds.isUnhealthy()) {
                    g.unhealthy++;
                }
            }
        }
        return status;
    }

    /**
     * The index Nomad answers the status at: the highest of the job's ModifyIndex, the events'
     * and those of the allocations counted.
     */
    public static long index(Job job, JobScalingEvents events, List<Allocation> allocs) {
        long index = job.modifyIndex == null ? 0 : job.modifyIndex;
        if (events != null) {
            index = Math.max(index, events.modifyIndex);
        }
        for (Allocation a : allocs) {
            if (counts(a) && job.lookupTaskGroup(a.taskGroup) != null && a.modifyIndex != null) {
                index = Math.max(index, a.modifyIndex);
            }
        }
        return index;
    }

    /** Live allocations count; canaries do not (Nomad leaves them out until it decides how to show them). */
    private static boolean counts(Allocation a) {
        return !a.terminalStatus() && (a.deploymentStatus == null || !a.deploymentStatus.isCanary());
    }

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
