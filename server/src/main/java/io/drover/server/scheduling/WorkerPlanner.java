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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Planner} a worker hands its scheduler (Nomad's worker.go): plans go through the
 * plan queue, evaluation changes through Raft, re-blocking to the blocked-evaluation tracker.
 * Holds the evaluation's broker token; opens fresher state views when a plan was refused in part.
 */
final class WorkerPlanner implements Planner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPlanner.class);
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
    /**
     * Evaluations the scheduler created and that are not yet written: they go in one Raft entry
     * with the next write of this evaluation (its status, usually), not in one of their own. An
     * evaluation that places nothing creates its blocked evaluation and then completes: one
     * round trip through Raft instead of two, where the round trip, not CPU, bounded how many
     * such evaluations two workers got through (130/s on a three-server cluster).
     */
    private final List<Evaluation> created = new ArrayList<>();
    /**
     * The evaluation's own last write, still on its way: the worker moves on to its next
     * evaluation meanwhile and acks this one once the write commits (the broker hands out no
     * other evaluation of the job before that ack). Waiting for each round trip capped a worker
     * at one evaluation per Raft entry; not waiting, the writes of consecutive evaluations share
     * entries (group commit), and an entry costs the three servers far more than the write.
     */
    private CompletableFuture<WriteResult> lastWrite = CompletableFuture.completedFuture(null);

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
        // What the scheduler created or updated before its plan is committed before it, as Nomad
        // orders them.
        awaitLastWrite();
        writeCreated();
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
        created.add(e);
        awaitLastWrite();
        List<Evaluation> batch = List.copyOf(created);
        created.clear();
        lastWrite = evals.write(batch);
    }

    /**
     * Completes once every write of this evaluation is committed; fails if one was refused or
     * not committed. Call after the scheduler is done and this planner is closed.
     */
    CompletableFuture<Void> written() {
        return lastWrite.thenAccept(r -> {
            if (r != null && r.getCode() != WriteResult.Code.OK) {
                throw new IllegalStateException("writing evaluation " + eval.id + " failed: " + r.getError());
            }
        });
    }

    /** Keeps this evaluation's writes in order: the next waits for the one on its way. */
    private void awaitLastWrite() throws SchedulerException {
        WriteResult r;
        try {
            r = lastWrite.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException ex) {
            throw new SchedulerException("writing evaluation " + eval.id + " failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while writing evaluation " + eval.id);
        }
        if (r != null && r.getCode() != WriteResult.Code.OK) {
            throw new SchedulerException("writing evaluation " + eval.id + " failed: " + r.getError());
        }
    }

    @Override
    public void createEval(Evaluation e) {
        e.snapshotIndex = snapshotIndex;
        created.add(e);
    }

    @Override
    public void reblockEval(Evaluation e) {
        // Already stored as blocked: only the tracker needs it back, with this worker's token.
        e.snapshotIndex = snapshotIndex;
        blocked.reblock(e, token);
    }

    private void writeCreated() throws SchedulerException {
        if (created.isEmpty()) {
            return;
        }
        awaitLastWrite();
        List<Evaluation> batch = List.copyOf(created);
        created.clear();
        String ids = batch.stream().map(e -> e.id).toList().toString();
        WriteResult r;
        try {
            r = evals.write(batch).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException ex) {
            throw new SchedulerException("writing evaluations " + ids + " failed: " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SchedulerException("interrupted while writing evaluations " + ids);
        }
        if (r.getCode() != WriteResult.Code.OK) {
            throw new SchedulerException("writing evaluations " + ids + " failed: " + r.getError());
        }
    }

    /**
     * Writes what the scheduler created and did not get written with a later write (it failed
     * before setting its evaluation's status), as Nomad's worker had written them already.
     */
    @Override
    public void close() {
        try {
            writeCreated();
        } catch (SchedulerException e) {
            LOG.warn("evaluation {}: {}", eval.id, e.getMessage());
        } finally {
            opened.forEach(StateReader::close);
        }
    }
}
