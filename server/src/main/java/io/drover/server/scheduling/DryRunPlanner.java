package io.drover.server.scheduling;

import io.drover.http.JobPlanner;
import io.drover.http.PlanOutcome;
import io.drover.model.Job;
import io.drover.scheduler.PlanDryRun;
import io.drover.scheduler.SchedulerEnv;
import io.drover.scheduler.SchedulerException;
import io.drover.state.StateReader;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code POST /v1/job/:id/plan}: the same scheduler code the workers run, against the caller's
 * view of the state with the job as if registered, and a planner that commits nothing.
 */
public final class DryRunPlanner implements JobPlanner {
    private final LongSupplier nowNanos;
    private final Supplier<String> newId;

    public DryRunPlanner(LongSupplier nowNanos, Supplier<String> newId) {
        this.nowNanos = nowNanos;
        this.newId = newId;
    }

    @Override
    public PlanOutcome plan(StateReader state, Job job) {
        SchedulerEnv env = new SchedulerEnv(io.drover.model.json.GoTime.fromUnixNanos(nowNanos.getAsLong()), newId);
        io.drover.scheduler.DryRunResult r;
        try {
            r = PlanDryRun.run(state, job, env);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return new PlanOutcome(r.plan().annotations, r.updatedEval().failedTgAllocs,
                r.createdEvals().isEmpty() ? null : r.createdEvals(), r.jobModifyIndex(),
                nextPeriodicLaunch(job, env.now()));
    }

    /** Nomad's plan answers the next launch after now, in the job's time zone, for an active periodic job. */
    static String nextPeriodicLaunch(Job job, java.time.Instant now) {
        if (!job.isPeriodicActive()) {
            return null;
        }
        return io.drover.model.launch.PeriodicSchedule.next(job.periodic, now)
                .map(t -> t.atZone(io.drover.model.launch.PeriodicSchedule.zone(job.periodic))
                        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .orElse(null);
    }
}
