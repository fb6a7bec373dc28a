package io.drover.server.gc;

import io.drover.proto.raft.GcReapCommand;
import io.drover.proto.raft.RaftCommand;
import io.drover.proto.raft.WriteResult;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The leader's periodic collection (Nomad's core jobs on job_gc_interval): selects from a
 * snapshot what is older than the thresholds and submits one reap command listing it. The
 * leader's clock decides what is old; apply only deletes what is listed and still terminal, so
 * replay stays deterministic. Holds no state of its own: a new leader simply carries on.
 */
public final class GarbageCollector {
    private final StateStore state;
    private final GcThresholds thresholds;
    private final LongSupplier clock;
    private final Function<RaftCommand, CompletableFuture<WriteResult>> raft;

    /**
     * @param clock the leader's time in Unix nanos
     * @param raft submits a command to the log
     */
    public GarbageCollector(StateStore state, GcThresholds thresholds, LongSupplier clock,
            Function<RaftCommand, CompletableFuture<WriteResult>> raft) {
        this.state = Objects.requireNonNull(state, "state");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.raft = Objects.requireNonNull(raft, "raft");
    }

    public GcThresholds thresholds() {
        return thresholds;
    }

    /** One collection; the submitted command (empty when nothing was old enough), for tests. */
    public Optional<CompletableFuture<WriteResult>> pass() {
        long now = clock.getAsLong();
        GcReapCommand reap;
        try (StateReader reader = state.reader()) {
            reap = GcSelector.select(reader, thresholds.cutoffs(now));
        }
        if (isEmpty(reap)) {
            return Optional.empty();
        }
        // No request ID: a lost reap is simply chosen again by the next pass.
        return Optional.of(raft.apply(RaftCommand.newBuilder().setLeaderTimeUnixNanos(now).setGcReap(reap).build()));
    }

    static boolean isEmpty(GcReapCommand reap) {
        return reap.getEvalIdCount() == 0 && reap.getAllocIdCount() == 0 && reap.getJobCount() == 0
                && reap.getNodeIdCount() == 0;
    }
}
