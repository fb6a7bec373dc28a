package io.drover.server.scheduling;

import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.proto.raft.WriteResult;
import io.drover.scheduler.PlanSubmission;
import io.drover.scheduler.Planner;
import io.drover.scheduler.SchedulerException;
import io.drover.state.StateReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link Planner} a worker hands its scheduler (Nomad's worker.go): plans go through the
 * plan queue, evaluation changes through Raft, re-blocking to the blocked-evaluation tracker.
 * Holds the evaluation's broker token; opens fresher state views when a plan was refused in part.
 */
final class WorkerPlanner implements Planner, AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Evaluation eval;
    private final String token;
    private final long snapshotIndex;
    private final EvalBroker broker;
    private final PlanQueue plans;
    private final EvalWriter evals;
    private final BlockedEvals blocked;
    private final StateViews views;
    private final List<StateReader> opened = new ArrayList<>();

    WorkerPlanner(Evaluation eval, String token, long snapshotIndex, EvalBroker broker, PlanQueue plans,
            EvalWriter evals, BlockedEvals blocked, StateViews views) {
        this.eval = eval;
        this.token = token;
        this.snapshotIndex = snapshotIndex;
        this.broker = broker;
        this.plans = plans;
        this.evals = evals;
        this.blocked = blocked;
        this.views = views;
    }

    @Override
    public PlanSubmission submitPlan(Plan plan) throws SchedulerException {
        plan.evalToken = token;
        plan.snapshotIndex = snapshotIndex;
        boolean paused = broker.pauseNackTimeout(eval.id, token);
        PlanResult result;
        try {
            result = plans.submit(plan).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new SchedulerException("plan of evaluation " + eval.id + " was not applied: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new SchedulerException("plan of evaluation " + eval.id + " timed out in the plan queue");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while the plan was applied");
        } finally {
            if (paused) {
                broker.resumeNackTimeout(eval.id, token);
            }
        }
        if (result.refreshIndex == null || result.refreshIndex == 0) {
            return new PlanSubmission(result, null);
        }
        StateReader fresh = views.atLeast(result.refreshIndex, WAIT);
        opened.add(fresh);
        return new PlanSubmission(result, fresh);
    }

    @Override
    public void updateEval(Evaluation e) throws SchedulerException {
        e.snapshotIndex = snapshotIndex;
        write(e);
    }

    @Override
    public void createEval(Evaluation e) throws SchedulerException {
        e.snapshotIndex = snapshotIndex;
        write(e);
    }

    @Override
    public void reblockEval(Evaluation e) {
        // Already stored as blocked: only the tracker needs it back, with this worker's token.
        e.snapshotIndex = snapshotIndex;
        blocked.reblock(e, token);
    }

    private void write(Evaluation e) throws SchedulerException {
        WriteResult r;
        try {
            r = evals.write(List.of(e)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException ex) {
            throw new SchedulerException("writing evaluation " + e.id + " failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while writing evaluation " + e.id);
        }
        if (r.getCode() != WriteResult.Code.OK) {
            throw new SchedulerException("writing evaluation " + e.id + " failed: " + r.getError());
        }
    }

    @Override
    public void close() {
        opened.forEach(StateReader::close);
    }
}
