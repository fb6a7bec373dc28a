package io.drover.scheduler;

import io.drover.model.Job;
import io.drover.model.diff.JobSpecs;
import io.drover.model.json.GoTime;
import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.state.StateReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Nomad's job plan ({@code Job.Plan} in job_endpoint.go): runs the job's scheduler on a view
 * of the state with the submitted job in it, with an annotated evaluation and an in-memory
 * planner that accepts the whole plan, and reports what would happen. Nothing is written.
 *
 * <p>A changed job is seen at JobModifyIndex = the stored one + 1 (so every allocation looks
 * out of date); an unchanged one as stored; a new one at index 100, as Nomad does.
 */
public final class PlanDryRun {
    /** The index Nomad gives a job that does not exist yet. */
    static final long NEW_JOB_INDEX = 100;

    private PlanDryRun() {
    }

    public static DryRunResult run(StateReader state, Job job, SchedulerEnv env) throws SchedulerException {
        return run(state, job, env, StackFactory.NOMAD);
    }

    public static DryRunResult run(StateReader state, Job job, SchedulerEnv env, StackFactory stacks)
            throws SchedulerException {
        Objects.requireNonNull(job, "job");
        String namespace = job.namespace == null || job.namespace.isEmpty() ? Job.DEFAULT_NAMESPACE : job.namespace;
        Job old = state.job(namespace, job.id).orElse(null);
        long index = 0;
        long updatedIndex = 0;
        StateReader view = state;
        if (old != null) {
            index = lng(old.jobModifyIndex);
            if (JobSpecs.specChanged(old, job)) {
                updatedIndex = index + 1;
                view = new JobOverlayState(state, stored(job, namespace, lng(old.createIndex), updatedIndex,
                        lng(old.version) + 1));
            }
        } else {
            view = new JobOverlayState(state, stored(job, namespace, NEW_JOB_INDEX, NEW_JOB_INDEX, 0));
        }

        long now = GoTime.unixNanos(env.now());
        Evaluation eval = new Evaluation();
        eval.id = env.newId().get();
        eval.namespace = namespace;
        eval.priority = job.priority;
        eval.type = job.type;
        eval.triggeredBy = EvalTriggers.JOB_REGISTER;
        eval.jobId = job.id;
        eval.jobModifyIndex = updatedIndex;
        eval.status = Evaluation.STATUS_PENDING;
        eval.annotatePlan = true;
        eval.createTime = now;
        eval.modifyTime = now;

        AcceptAllPlanner planner = new AcceptAllPlanner();
        Schedulers.forType(eval.type, view, planner, env, stacks).process(eval);
        if (planner.plans.size() != 1) {
            throw new SchedulerException("scheduler resulted in an unexpected number of plans: " + planner.plans.size());
        }
        if (planner.evals.size() != 1) {
            throw new SchedulerException(
                    "scheduler resulted in an unexpected number of eval updates: " + planner.evals.size());
        }
        return new DryRunResult(planner.plans.get(0), planner.evals.get(0), List.copyOf(planner.created), index);
    }

    /** The job as the state store would hold it after a register at {@code index}. */
    private static Job stored(Job job, String namespace, long createIndex, long index, long version) {
        Job j = job.copy();
        j.namespace = namespace;
        j.createIndex = createIndex;
        j.modifyIndex = index;
        j.jobModifyIndex = index;
        j.version = version;
        return j;
    }

    private static long lng(Long v) {
        return v == null ? 0 : v;
    }

    /** Nomad's Harness as the job plan uses it: every plan commits in full; nothing is stored. */
    private static final class AcceptAllPlanner implements Planner {
        final List<Plan> plans = new ArrayList<>();
        final List<Evaluation> evals = new ArrayList<>();
        final List<Evaluation> created = new ArrayList<>();

        @Override
        public PlanSubmission submitPlan(Plan plan) {
            plans.add(plan);
            PlanResult result = new PlanResult();
            result.nodeUpdate = new LinkedHashMap<>(plan.nodeUpdate);
            result.nodeAllocation = new LinkedHashMap<>(plan.nodeAllocation);
            result.nodePreemptions = new LinkedHashMap<>(plan.nodePreemptions);
            return new PlanSubmission(result, null);
        }

        @Override
        public void updateEval(Evaluation eval) {
            evals.add(eval);
        }

        @Override
        public void createEval(Evaluation eval) {
            created.add(eval);
        }

        @Override
        public void reblockEval(Evaluation eval) {
            evals.add(eval);
        }
    }
}
