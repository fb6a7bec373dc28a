package io.drover.server.scheduling;

import io.drover.model.json.GoTime;
import io.drover.model.scheduling.Evaluation;
import io.drover.scheduler.Scheduler;
import io.drover.scheduler.SchedulerEnv;
import io.drover.scheduler.SchedulerException;
import io.drover.state.StateReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scheduling worker on the leader (Nomad's worker.go): dequeues an evaluation, waits until
 * the local state includes it, runs the scheduler for its type on a snapshot, and acks it, or
 * nacks it so the broker delivers it again (up to its delivery limit).
 */
final class Worker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);
    static final List<String> SCHEDULERS = List.of("service", "batch", "system");
    private static final Duration STATE_WAIT = Duration.ofSeconds(5);

    private final EvalBroker broker;
    private final PlanQueue plans;
    private final EvalWriter evals;
    private final BlockedEvals blocked;
    private final StateViews views;
    private final SchedulerFactory schedulers;
    private final LongSupplier nowNanos;
    private final Supplier<String> newId;
    private volatile boolean running = true;
    private static final int MAX_UNSETTLED = 64;
    private final Semaphore unsettled = new Semaphore(MAX_UNSETTLED);

    Worker(EvalBroker broker, PlanQueue plans, EvalWriter evals, BlockedEvals blocked, StateViews views,
            SchedulerFactory schedulers, LongSupplier nowNanos, Supplier<String> newId) {
        this.broker = broker;
        this.plans = plans;
        this.evals = evals;
        this.blocked = blocked;
        this.views = views;
        this.schedulers = schedulers;
        this.nowNanos = nowNanos;
        this.newId = newId;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            Optional<EvalBroker.Dequeued> next;
            try {
                // Bounded: a worker runs ahead of its writes by at most MAX_UNSETTLED evaluations.
                // Not waiting for good: writes that never complete must not keep it from stopping.
                if (!unsettled.tryAcquire(250, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                next = broker.dequeue(SCHEDULERS, Duration.ofMillis(250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next.isPresent() && running) {
                process(next.get().eval(), next.get().token());
            } else {
                unsettled.release();
            }
        }
    }

    /** Processes a dequeued evaluation; call with one {@link #unsettled} permit, which it releases. */
    void process(Evaluation eval, String token) {
        long waitFor = eval.modifyIndex == null ? 0 : eval.modifyIndex;
        CompletableFuture<Void> written;
        try (StateReader snapshot = views.atLeast(waitFor, STATE_WAIT);
                WorkerPlanner planner = new WorkerPlanner(eval, token, snapshot.appliedIndex(), broker, plans, evals,
                        blocked, views)) {
            SchedulerEnv env = new SchedulerEnv(GoTime.fromUnixNanos(nowNanos.getAsLong()), newId);
            Scheduler scheduler = schedulers.create(eval.type, snapshot, planner, env);
            scheduler.process(eval.copy());
            written = planner.written();
        } catch (SchedulerException | RuntimeException e) {
            unsettled.release();
            failed(eval, token, e);
            return;
        }
        written.whenComplete((ok, error) -> {
            unsettled.release();
            settle(eval, token, written);
        });
    }

    private void settle(Evaluation eval, String token, CompletableFuture<Void> written) {
        try {
            written.join();
        } catch (RuntimeException e) {
            failed(eval, token, e.getCause() != null ? e.getCause() : e);
            return;
        }
        try {
            broker.ack(eval.id, token);
        } catch (IllegalStateException e) {
            // Timed out and nacked meanwhile, or the broker was reset (leadership lost): it is
            // delivered again, and its write, now committed, is what the next run finds.
            LOG.debug("evaluation {} could not be acked: {}", eval.id, e.getMessage());
        }
    }

    private void failed(Evaluation eval, String token, Throwable e) {
        if (running) {
            LOG.warn("evaluation {} of job {} failed in the {} scheduler; it will be retried: {}", eval.id,
                    eval.jobId, eval.type, e.toString());
        }
        broker.nack(eval.id, token);
    }
}
