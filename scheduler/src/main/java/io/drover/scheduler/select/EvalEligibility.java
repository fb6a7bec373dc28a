package io.drover.scheduler.select;

import io.drover.model.Constraint;
import io.drover.model.Job;
import io.drover.model.Task;
import io.drover.model.TaskGroup;
import io.drover.model.node.NodeClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scheduler run learnt about computed node classes (Nomad's {@code EvalEligibility}):
 * nodes of one class are interchangeable for the job's and each group's constraints, so once
 * one node of a class passes or fails, the others need no check. Constraints on unique node
 * fields escape this: a job or group with such a constraint is checked node by node.
 *
 * <p>The result feeds a blocked evaluation's ClassEligibility and EscapedComputedClass, so it
 * is only unblocked by a node whose class could change the outcome.
 */
public final class EvalEligibility {
    /** Nomad's ComputedClassFeasibility. */
    public enum Status { UNKNOWN, INELIGIBLE, ELIGIBLE, ESCAPED }

    private final Map<String, Status> job = new HashMap<>();
    private boolean jobEscaped;
    private final Map<String, Map<String, Status>> taskGroups = new HashMap<>();
    private final Map<String, Boolean> tgEscapedConstraints = new LinkedHashMap<>();
    private String quotaReached = "";

    /** Records which of the job's and groups' constraints escape the computed class. */
    public void setJob(Job job) {
        jobEscaped = !NodeClass.escapedConstraints(job.constraints).isEmpty();
        if (job.taskGroups == null) {
            return;
        }
        for (TaskGroup tg : job.taskGroups) {
            List<Constraint> constraints = new ArrayList<>();
            if (tg.constraints != null) {
                constraints.addAll(tg.constraints);
            }
            if (tg.tasks != null) {
                for (Task t : tg.tasks) {
                    if (t.constraints != null) {
                        constraints.addAll(t.constraints);
                    }
                }
            }
            tgEscapedConstraints.put(tg.name, !NodeClass.escapedConstraints(constraints).isEmpty());
        }
    }

    /** Whether the job or any group has a constraint the computed class cannot answer (the eval's EscapedComputedClass). */
    public boolean hasEscaped() {
        return jobEscaped || tgEscapedConstraints.containsValue(true);
    }

    /**
     * The classes found eligible or ineligible (the eval's ClassEligibility): eligible if some
     * group could use it, but ineligible whenever the job's own constraints rule it out.
     */
    public Map<String, Boolean> getClasses() {
        Map<String, Boolean> elig = new TreeMap<>();
        for (Map<String, Status> classes : taskGroups.values()) {
            classes.forEach((cls, status) -> {
                if (status == Status.ELIGIBLE) {
                    elig.put(cls, true);
                } else if (status == Status.INELIGIBLE) {
                    elig.putIfAbsent(cls, false);
                }
            });
        }
        job.forEach((cls, status) -> {
            if (status == Status.ELIGIBLE) {
                elig.putIfAbsent(cls, true);
            } else if (status == Status.INELIGIBLE) {
                elig.put(cls, false);
            }
        });
        return elig;
    }

    public Status jobStatus(String computedClass) {
        if (jobEscaped) {
            return Status.ESCAPED;
        }
        return job.getOrDefault(computedClass, Status.UNKNOWN);
    }

    public void setJobEligibility(boolean eligible, String computedClass) {
        job.put(computedClass, eligible ? Status.ELIGIBLE : Status.INELIGIBLE);
    }

    public Status taskGroupStatus(String tg, String computedClass) {
        if (Boolean.TRUE.equals(tgEscapedConstraints.get(tg))) {
            return Status.ESCAPED;
        }
        Map<String, Status> classes = taskGroups.get(tg);
        return classes == null ? Status.UNKNOWN : classes.getOrDefault(computedClass, Status.UNKNOWN);
    }

    public void setTaskGroupEligibility(boolean eligible, String tg, String computedClass) {
        taskGroups.computeIfAbsent(tg, k -> new HashMap<>())
                .put(computedClass, eligible ? Status.ELIGIBLE : Status.INELIGIBLE);
    }

    public void setQuotaLimitReached(String quota) {
        quotaReached = quota == null ? "" : quota;
    }

    public String quotaLimitReached() {
        return quotaReached;
    }
}
