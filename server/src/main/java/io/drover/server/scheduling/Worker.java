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
                next = broker.dequeue(SCHEDULERS, Duration.ofMillis(250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next.isPresent() && running) {
                process(next.get().eval(), next.get().token());
            }
        }
    }

    void process(Evaluation eval, String token) {
        long waitFor = eval.modifyIndex == null ? 0 : eval.modifyIndex;
        try (StateReader snapshot = views.atLeast(waitFor, STATE_WAIT);
                WorkerPlanner planner = new WorkerPlanner(eval, token, snapshot.appliedIndex(), broker, plans, evals,
                        blocked, views)) {
            SchedulerEnv env = new SchedulerEnv(GoTime.fromUnixNanos(nowNanos.getAsLong()), newId);
            Scheduler scheduler = schedulers.create(eval.type, snapshot, planner, env);
            scheduler.process(eval.copy());
            broker.ack(eval.id, token);
        } catch (SchedulerException | RuntimeException e) {
            if (running) {
                LOG.warn("evaluation {} of job {} failed in the {} scheduler; it will be retried: {}", eval.id,
                        eval.jobId, eval.type, e.toString());
            }
            broker.nack(eval.id, token);
        }
    }
}
