package io.drover.server.scheduling;

import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plans waiting for the applier (Nomad's PlanQueue): highest job priority first, then in the
 * order submitted. Enabled only on the leader; disabling fails everything still waiting so the
 * workers nack their evaluations.
 */
public final class PlanQueue {
    /** A submitted plan and where its verdict goes. */
    public record Pending(Plan plan, long seq, CompletableFuture<PlanResult> result) {
    }

    private final PriorityBlockingQueue<Pending> queue = new PriorityBlockingQueue<>(64, (a, b) -> {
        int byPriority = Integer.compare(priority(b.plan), priority(a.plan));
        return byPriority != 0 ? byPriority : Long.compare(a.seq, b.seq);
    });
    private final AtomicLong seq = new AtomicLong();
    private volatile boolean enabled;

    public CompletableFuture<PlanResult> submit(Plan plan) {
        CompletableFuture<PlanResult> result = new CompletableFuture<>();
        if (!enabled) {
            result.completeExceptionally(new IllegalStateException("plan queue is disabled"));
            return result;
        }
        queue.add(new Pending(plan, seq.incrementAndGet(), result));
        if (!enabled) {
            failAll();
        }
        return result;
    }

    /** The next plan, or null if none arrives within {@code timeoutMillis}. */
    public Pending poll(long timeoutMillis) throws InterruptedException {
        return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            failAll();
        }
    }

    public int size() {
        return queue.size();
    }

    private void failAll() {
        List<Pending> drained = new ArrayList<>();
        queue.drainTo(drained);
        for (Pending p : drained) {
            p.result.completeExceptionally(new IllegalStateException("plan queue is disabled"));
        }
    }

    private static int priority(Plan plan) {
        return plan.priority == null ? 0 : plan.priority;
    }
}
