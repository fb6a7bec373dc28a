package io.drover.server.scheduling;

import io.drover.model.scheduling.Evaluation;
import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that schedules, on the leader only: the eval broker, the blocked evaluations, the
 * plan queue with its applier, the workers, and the reaper of evaluations that failed too often.
 * Started when this server becomes leader (restoring pending and blocked evaluations from the
 * state, as Nomad's restoreEvals), stopped when it stops leading. Evaluations written to the
 * state reach it through {@link #evaluationsWritten}; capacity changes through
 * {@link #capacityChanged}.
 */
public final class SchedulingService {
    private static final Logger LOG = LoggerFactory.getLogger(SchedulingService.class);
    static final Duration FAILED_FOLLOW_UP_BASELINE = Duration.ofMinutes(1);
    static final Duration FAILED_FOLLOW_UP_RANGE = Duration.ofMinutes(5);

    private final StateStore state;
    private final EvalBroker broker;
    private final BlockedEvals blocked;
    private final PlanQueue plans = new PlanQueue();
    private final EvalWriter evals;
    private final StateViews views;
    private final SchedulerFactory schedulers;
    private final BiFunction<StateReader, Plan, PlanResult> planEvaluator;
    private final BiFunction<Plan, PlanResult, PlanResultsCommand> planCommand;
    private final Function<RaftCommand, CompletableFuture<WriteResult>> raft;
    private final LongSupplier nowNanos;
    private final Supplier<String> newId;
    private final Random random;
    private final int workerCount;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private PlanApplier applier;
    private volatile boolean leading;

    public SchedulingService(StateStore state, Timers timers, SchedulerFactory schedulers,
            BiFunction<StateReader, Plan, PlanResult> planEvaluator,
            BiFunction<Plan, PlanResult, PlanResultsCommand> planCommand,
            Function<RaftCommand, CompletableFuture<WriteResult>> raft, LongSupplier nowNanos, Supplier<String> newId,
            Random random, int workerCount) {
        this.state = state;
        this.schedulers = schedulers;
        this.planEvaluator = planEvaluator;
        this.planCommand = planCommand;
        this.raft = raft;
        this.nowNanos = nowNanos;
        this.newId = newId;
        this.random = random;
        this.workerCount = workerCount;
        this.broker = EvalBroker.withDefaults(timers, random, () -> nowNanos.getAsLong() / 1_000_000L);
        this.blocked = new BlockedEvals(broker, this::cancelDuplicate);
        this.evals = new EvalWriter(raft, nowNanos);
        this.views = new StateViews(state);
    }

    public EvalBroker broker() {
        return broker;
    }

    public BlockedEvals blocked() {
        return blocked;
    }

    public PlanQueue plans() {
        return plans;
    }

    /** This server leads: restore the evaluations to schedule and start the workers. */
    public synchronized void start() {
        if (leading) {
            return;
        }
        leading = true;
        broker.setEnabled(true);
        blocked.setEnabled(true);
        plans.setEnabled(true);
        try (StateReader reader = state.reader()) {
            evaluationsWritten(reader.evaluations(StateReader.ALL_NAMESPACES, ""));
        }
        applier = new PlanApplier(plans, state, broker::outstanding, planEvaluator, planCommand, raft, nowNanos);
        threads.add(daemon(applier, "plan-applier"));
        for (int i = 0; i < workerCount; i++) {
            Worker w = new Worker(broker, plans, evals, blocked, views, schedulers, nowNanos, newId);
            workers.add(w);
            threads.add(daemon(w, "scheduler-worker-" + i));
        }
        threads.add(daemon(this::reapFailed, "failed-eval-reaper"));
        threads.forEach(Thread::start);
        LOG.info("scheduling started with {} workers", workerCount);
    }

    /** Leadership lost: stop handing out work; what was in flight is nacked or dropped. */
    public synchronized void stop() {
        if (!leading) {
            return;
        }
        leading = false;
        workers.forEach(Worker::stop);
        if (applier != null) {
            applier.stop();
        }
        plans.setEnabled(false);
        broker.setEnabled(false);
        blocked.setEnabled(false);
        for (Thread t : threads) {
            t.interrupt();
        }
        threads.clear();
        workers.clear();
    }

    public boolean isLeading() {
        return leading;
    }

    /** Evaluations just written to the state (or found there by a new leader). */
    public void evaluationsWritten(Collection<Evaluation> written) {
        if (!leading) {
            return;
        }
        for (Evaluation e : written) {
            if (Evaluation.STATUS_PENDING.equals(e.status)) {
                broker.enqueue(e);
            } else if (Evaluation.STATUS_BLOCKED.equals(e.status)) {
                blocked.block(e);
            } else if (Evaluation.STATUS_COMPLETE.equals(e.status)
                    && (e.failedTgAllocs == null || e.failedTgAllocs.isEmpty())) {
                blocked.untrack(e.namespace, e.jobId);
            }
        }
    }

    /** Capacity may have appeared on nodes of these computed classes at {@code index}. */
    public void capacityChanged(Set<String> computedClasses, long index) {
        if (!leading) {
            return;
        }
        for (String c : computedClasses) {
            blocked.unblock(c, index);
        }
    }

    /** A job has a newer blocked evaluation: the older one is cancelled (Nomad's reapDupBlockedEvaluations). */
    private void cancelDuplicate(Evaluation dup) {
        Evaluation cancelled = dup.copy();
        cancelled.status = Evaluation.STATUS_CANCELED;
        cancelled.statusDescription = "existing blocked evaluation exists for job \"" + dup.jobId + "\"";
        evals.write(List.of(cancelled)).whenComplete((r, e) -> {
            if (e != null || r.getCode() != WriteResult.Code.OK) {
                LOG.warn("cancelling duplicate blocked evaluation {} failed: {}", dup.id, e != null ? e : r.getError());
            }
        });
    }

    /**
     * Evaluations delivered too often without an ack are marked failed, with a follow-up
     * evaluation some minutes later so the job is looked at again (Nomad's reapFailedEvaluations).
     */
    private void reapFailed() {
        while (leading) {
            try {
                var next = broker.dequeue(List.of(EvalBroker.FAILED_QUEUE), Duration.ofMillis(500));
                if (next.isEmpty()) {
                    continue;
                }
                Evaluation eval = next.get().eval();
                Evaluation failed = eval.copy();
                failed.status = Evaluation.STATUS_FAILED;
                failed.statusDescription = "evaluation reached delivery limit (3)";
                Evaluation followUp = followUp(eval);
                failed.nextEval = followUp.id;
                WriteResult r = evals.write(List.of(failed, followUp)).join();
                if (r.getCode() == WriteResult.Code.OK) {
                    broker.ack(eval.id, next.get().token());
                } else {
                    broker.nack(eval.id, next.get().token());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (leading) {
                    LOG.warn("reaping a failed evaluation failed: {}", e.toString());
                }
            }
        }
    }

    private Evaluation followUp(Evaluation eval) {
        Evaluation e = new Evaluation();
        e.id = newId.get();
        e.namespace = eval.namespace;
        e.priority = eval.priority;
        e.type = eval.type;
        e.triggeredBy = Evaluation.TRIGGER_FAILED_FOLLOW_UP;
        e.jobId = eval.jobId;
        e.jobModifyIndex = eval.jobModifyIndex;
        e.status = Evaluation.STATUS_PENDING;
        e.previousEval = eval.id;
        e.wait = FAILED_FOLLOW_UP_BASELINE.toNanos() + (long) (random.nextDouble() * FAILED_FOLLOW_UP_RANGE.toNanos());
        return e;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** For tests and stats: queued plans and broker counts. */
    public Map<String, Integer> stats() {
        EvalBroker.Stats s = broker.stats();
        return Map.of("ready", s.ready(), "unacked", s.unacked(), "blocked", blocked.size(), "plans", plans.size());
    }
}
