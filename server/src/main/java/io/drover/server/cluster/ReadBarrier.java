package io.drover.server.cluster;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Shares Raft ReadIndex rounds between reads. A read may use a round only if the round started
 * after the read arrived (a round started earlier may have learnt the leader's commit index
 * before a write the reader already saw acknowledged), so at most one round is in flight: reads
 * that arrive meanwhile wait together for the next one, which starts as soon as the current one
 * ends. Under load one round serves every read of its round trip instead of each read costing
 * the leader a heartbeat round of its own.
 *
 * <p>A round completes on whichever Ratis thread heard the leader, possibly inside Ratis's own
 * locks; starting the next round there calls back into Ratis and deadlocked a leader stepping
 * down. So waiters are told, and the next round started, on {@code executor}.
 */
final class ReadBarrier {
    private final Supplier<CompletableFuture<Boolean>> round;
    private final Executor executor;
    private CompletableFuture<Boolean> next;
    private boolean inFlight;

    /** @param round one ReadIndex round: completes true once local state is at least the leader's commit */
    ReadBarrier(Supplier<CompletableFuture<Boolean>> round, Executor executor) {
        this.round = Objects.requireNonNull(round, "round");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Completes true after a round that started after this call succeeded; false if it failed. */
    CompletableFuture<Boolean> await() {
        CompletableFuture<Boolean> mine;
        boolean start;
        synchronized (this) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            mine = next;
            start = !inFlight;
            if (start) {
                inFlight = true;
                next = null;
            }
        }
        if (start) {
            run(mine);
        }
        return mine;
    }

    private void run(CompletableFuture<Boolean> waiters) {
        CompletableFuture<Boolean> r;
        try {
            r = round.get();
        } catch (RuntimeException e) {
            r = CompletableFuture.completedFuture(false);
        }
        r.whenCompleteAsync((ok, error) -> {
            waiters.complete(error == null && Boolean.TRUE.equals(ok));
            CompletableFuture<Boolean> queued;
            synchronized (this) {
                queued = next;
                next = null;
                inFlight = queued != null;
            }
            if (queued != null) {
                run(queued);
            }
        }, executor);
    }
}
