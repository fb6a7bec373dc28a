package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.alloc.AllocMetric;
import io.drover.model.json.GoTime;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import java.util.Map;

/** Nomad's evaluation helpers the schedulers share: the plan for an evaluation, follow-ups, final status. */
public final class Evals {
    private Evals() {
    }

    /** Nomad's MakePlan: an empty plan for {@code eval} over {@code job} (null if purged). */
    public static Plan makePlan(Evaluation eval, Job job) {
        Plan p = new Plan();
        p.evalId = eval.id;
        p.priority = eval.priority == null ? 0 : eval.priority;
        p.job = job;
        if (job != null) {
            p.allAtOnce = Boolean.TRUE.equals(job.allAtOnce);
        }
        return p;
    }

    /**
     * Nomad's CreateBlockedEval: a blocked evaluation that follows {@code eval}, to run again
     * when capacity appears. {@code classEligibility} is null when unknown or escaped, which
     * makes any node change unblock it.
     */
    public static Evaluation createBlocked(Evaluation eval, Map<String, Boolean> classEligibility, boolean escaped,
            SchedulerEnv env) {
        long now = GoTime.unixNanos(env.now());
        Evaluation b = new Evaluation();
        b.id = env.newId().get();
        b.namespace = eval.namespace;
        b.priority = eval.priority;
        b.type = eval.type;
        b.triggeredBy = EvalTriggers.QUEUED_ALLOCS;
        b.jobId = eval.jobId;
        b.jobModifyIndex = eval.jobModifyIndex;
        b.status = Evaluation.STATUS_BLOCKED;
        b.previousEval = eval.id;
        b.classEligibility = classEligibility;
        b.escapedComputedClass = escaped;
        b.createTime = now;
        b.modifyTime = now;
        return b;
    }

    /**
     * Nomad's setStatus: records the evaluation's outcome through the planner: status and
     * description, the blocked evaluation it spawned, why groups failed, and what is queued.
     */
    public static void setStatus(Planner planner, Evaluation eval, Evaluation nextEval, Evaluation blocked,
            Map<String, AllocMetric> failedTgAllocs, String status, String description,
            Map<String, Integer> queuedAllocs) throws SchedulerException {
        Evaluation updated = eval.copy();
        updated.status = status;
        updated.statusDescription = description;
        updated.deploymentId = "";
        updated.failedTgAllocs = failedTgAllocs;
        if (nextEval != null) {
            updated.nextEval = nextEval.id;
        }
        if (blocked != null) {
            updated.blockedEval = blocked.id;
        }
        if (queuedAllocs != null) {
            updated.queuedAllocations = queuedAllocs;
        }
        planner.updateEval(updated);
    }
}
