package io.drover.server.scheduling;

import io.drover.model.scheduling.Plan;
import io.drover.model.scheduling.PlanResult;
import io.drover.proto.raft.PlanResultsCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's single plan applier (Nomad's planApply): takes plans one at a time, re-checks
 * each against the newest state (a node may have gone down or filled up since the scheduler
 * looked), commits what still fits through Raft and answers the worker with what was
 * committed. One at a time, so every plan is checked against the state its predecessors made.
 */
public final class PlanApplier implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PlanApplier.class);
    /** A plan's commit goes in entries of at most this size (see {@link PlanChunks}). */
    private static final int MAX_CHUNK_BYTES = 1 << 20;

    private final PlanQueue queue;
    private final StateStore state;
    private final Function<String, Optional<String>> outstandingToken;
    private final BiFunction<StateReader, Plan, PlanResult> evaluator;
    private final BiFunction<Plan, PlanResult, PlanResultsCommand> toCommand;
    private final Function<RaftCommand, CompletableFuture<WriteResult>> raft;
    private final LongSupplier nowNanos;
    private volatile boolean running = true;

    /**
     * @param outstandingToken the broker's token of an evaluation still out (a plan of an
     *     evaluation no longer held by its worker must not be applied)
     */
    public PlanApplier(PlanQueue queue, StateStore state, Function<String, Optional<String>> outstandingToken,
            BiFunction<StateReader, Plan, PlanResult> evaluator,
            BiFunction<Plan, PlanResult, PlanResultsCommand> toCommand,
            Function<RaftCommand, CompletableFuture<WriteResult>> raft, LongSupplier nowNanos) {
        this.queue = queue;
        this.state = state;
        this.outstandingToken = outstandingToken;
        this.evaluator = evaluator;
        this.toCommand = toCommand;
        this.raft = raft;
        this.nowNanos = nowNanos;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        while (running) {
            PlanQueue.Pending pending;
            try {
                pending = queue.poll(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (pending != null) {
                apply(pending);
            }
        }
    }

    void apply(PlanQueue.Pending pending) {
        Plan plan = pending.plan();
        try {
            Optional<String> token = outstandingToken.apply(plan.evalId);
            if (token.isEmpty() || !token.get().equals(plan.evalToken)) {
                pending.result().completeExceptionally(
                        new IllegalStateException("evaluation token does not match for " + plan.evalId));
                return;
            }
            PlanResult result;
            try (StateReader reader = state.reader()) {
                result = evaluator.apply(reader, plan);
            }
            if (result.isNoOp()) {
                pending.result().complete(result);
                return;
            }
            long now = nowNanos.getAsLong();
            WriteResult written = null;
            for (PlanResultsCommand chunk : PlanChunks.split(toCommand.apply(plan, result), MAX_CHUNK_BYTES)) {
                RaftCommand command = RaftCommand.newBuilder().setLeaderTimeUnixNanos(now).setPlanResults(chunk).build();
                // Wait for the commit: the next plan must be checked against the state this one makes.
                written = raft.apply(command).join();
                if (written.getCode() != WriteResult.Code.OK) {
                    pending.result().completeExceptionally(
                            new IllegalStateException("plan commit failed: " + written.getError()));
                    return;
                }
            }
            result.committedAt(written.getIndex());
            pending.result().complete(result);
        } catch (RuntimeException e) {
            LOG.error("applying the plan of evaluation {} failed", plan.evalId, e);
            pending.result().completeExceptionally(e);
        }
    }
}
