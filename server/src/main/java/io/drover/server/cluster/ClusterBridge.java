package io.drover.server.cluster;

import io.drover.http.AgentInfo;
import io.drover.http.LeaderContact;
import io.drover.http.Cluster;
import io.drover.http.NoLeaderException;
import io.drover.http.NodeAgentStats;
import io.drover.http.RaftStats;
import io.drover.http.RaftStatus;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.ReadBarrierRequest;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.leader.LeaderEndpoint;
import io.drover.server.raft.RaftNode;
import io.drover.server.rpc.ForwardedWrites;
import io.drover.server.rpc.PeerClients;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import io.drover.state.Table;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ratis.protocol.RaftClientReply;

/**
 * The gateway's way into the cluster. Writes go to the leader: executed here when this server
 * leads, otherwise forwarded over gRPC to the address the leader announced. Reads that must be
 * as new as the leader's state wait for a shared ReadIndex round, and linearizable reads for a
 * shared read-barrier entry to commit (each a {@link ReadBarrier}).
 * While there is no leader, attempts repeat (with the same request ID, so a write is applied at
 * most once) for the hold time, as Nomad's RPC layer holds requests, then give up.
 */
public final class ClusterBridge implements Cluster {
    private static final Set<Table> READ_BARRIER = EnumSet.of(Table.READ_BARRIER);
    private static final long MAX_BACKOFF_MS = 200;

    private final RaftNode raft;
    private final LeaderEndpoint leader;
    private final StateStore state;
    private final ForwardedWrites forwardedWrites;
    private final AgentInfo agent;
    private final Supplier<Optional<NodeAgentStats>> nodeAgent;
    private final ScheduledExecutorService timer;
    private final Duration hold;
    private final ReadBarrier readIndexBarrier;
    private final ReadBarrier writeBarrier;
    /** Writes forwarded and not yet answered, with the leader each was sent to. */
    private final Map<CompletableFuture<WriteResult>, String> forwarded = new ConcurrentHashMap<>();
    private volatile LeaderAddress leaderAddress;

    /** {@code nodeAgent} tells of the node agent in this process, if any (a dev agent's own node). */
    public ClusterBridge(RaftNode raft, LeaderEndpoint leader, StateStore state, PeerClients peers, AgentInfo agent,
            Supplier<Optional<NodeAgentStats>> nodeAgent, ScheduledExecutorService timer, Duration hold) {
        this.raft = raft;
        this.leader = leader;
        this.state = state;
        this.forwardedWrites = new ForwardedWrites(peers);
        this.agent = agent;
        this.nodeAgent = nodeAgent;
        this.timer = timer;
        this.hold = hold;
        this.readIndexBarrier = new ReadBarrier(this::readIndexRound, timer);
        this.writeBarrier = new ReadBarrier(this::writeBarrierRound, timer);
    }

    /**
     * Forget where the leader was: it changed, or could not be reached there. Writes still
     * waiting on a server that is no longer the leader (one frozen or cut off, whose connection
     * stays open) are retried at once at the new one, with their request IDs, rather than after
     * the hold time: one that did commit there is answered with its first result.
     */
    public void leaderChanged() {
        leaderAddress = null;
        Optional<String> now = raft.leaderId();
        forwarded.forEach((call, to) -> {
            if (now.isEmpty() || !now.get().equals(to)) {
                call.cancel(false);
            }
        });
    }

    @Override
    public RaftStatus status() {
        Optional<String> leaderId = raft.leaderId();
        List<RaftStatus.Peer> peerList = raft.members().stream()
                .map(m -> new RaftStatus.Peer(m.id(), m.address(), m.leader(), true))
                .toList();
        String leaderRaft = leaderId.flatMap(raft::addressOf).orElse(null);
        return new RaftStatus(raft.isLeaderReady(), leaderId.isPresent(), raft.lastContactMillis(), leaderRaft,
                peerList);
    }

    @Override
    public LeaderContact contact() {
        return new LeaderContact(raft.isLeaderReady(), raft.leaderId().isPresent(), raft.lastContactMillis());
    }

    @Override
    public AgentInfo agent() {
        return agent;
    }

    @Override
    public RaftStats raftStats() {
        RaftNode.Stats s = raft.stats();
        return new RaftStats(s.state(), s.term(), s.lastLogIndex(), s.lastLogTerm(), s.commitIndex(), s.appliedIndex(),
                s.snapshotIndex(), s.snapshotTerm(), s.configurationIndex());
    }

    @Override
    public Optional<NodeAgentStats> nodeAgent() {
        return nodeAgent.get();
    }

    @Override
    public CompletableFuture<WriteResult> write(WriteRequest request) {
        CompletableFuture<WriteResult> out = new CompletableFuture<>();
        new Retrying<>(out, () -> attemptWrite(request), r -> r.getCode() != WriteResult.Code.NOT_LEADER,
                ClusterBridge::noLeaderResult).run();
        return out;
    }

    private CompletableFuture<WriteResult> attemptWrite(WriteRequest request) {
        if (raft.isLeaderReady()) {
            return leader.handle(request);
        }
        Optional<String> leaderId = raft.leaderId();
        Optional<String> address = leaderRpcAddress();
        if (leaderId.isEmpty() || address.isEmpty()) {
            return CompletableFuture.completedFuture(notLeader());
        }
        CompletableFuture<WriteResult> call = forwardedWrites.write(address.get(), request, hold);
        forwarded.put(call, leaderId.get());
        call.whenComplete((r, e) -> forwarded.remove(call));
        return call.exceptionally(e -> {
            if (!call.isCancelled()) {
                leaderChanged();
            }
            return notLeader();
        });
    }

    @Override
    public CompletableFuture<Void> linearizableBarrier() {
        // The barrier's write already waits for a leader for the hold time.
        return writeBarrier.await().thenApply(ok -> {
            if (!ok) {
                throw new NoLeaderException();
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> leaderBarrier() {
        return passed(readIndexBarrier);
    }

    private CompletableFuture<Void> passed(ReadBarrier barrier) {
        CompletableFuture<Boolean> out = new CompletableFuture<>();
        new Retrying<>(out, barrier::await, ok -> ok, () -> false).run();
        return out.thenApply(ok -> {
            if (!ok) {
                throw new NoLeaderException();
            }
            return null;
        });
    }

    /**
     * One linearizable round: the leader commits a read barrier entry (it changes nothing), and
     * this server waits until it has applied it. Any write acknowledged before the round began
     * has a lower index, so a read after it sees that write. Ratis's ReadIndex cannot be used
     * for this: a leader whose commit index has not moved since a majority last acknowledged it
     * answers at once, without asking again, and a leader cut off from the others, already
     * replaced, answered reads from its old state so (found by the fault suite). A deposed leader
     * cannot commit.
     */
    private CompletableFuture<Boolean> writeBarrierRound() {
        return write(WriteRequest.newBuilder().setReadBarrier(ReadBarrierRequest.getDefaultInstance()).build())
                .thenCompose(r -> r.getCode() != WriteResult.Code.OK ? CompletableFuture.completedFuture(false)
                        : appliedUpTo(r.getIndex()));
    }

    /**
     * Completes once this server has applied entry {@code index}. A follower learns that it is
     * committed with the leader's next append, up to a heartbeat later; a ReadIndex round makes
     * the leader send it at once (and since the entry is newer than any round the leader
     * confirmed, the round asks a majority again).
     */
    private CompletableFuture<Boolean> appliedUpTo(long index) {
        if (state.publishedIndex(Table.READ_BARRIER) >= index) {
            return CompletableFuture.completedFuture(true);
        }
        return readIndexRound().thenCompose(ok -> !ok ? CompletableFuture.completedFuture(false)
                : state.awaitIndexAbove(READ_BARRIER, index - 1).thenApply(ignored -> true));
    }

    /**
     * One ReadIndex round. A leader answers from its commit index, which right after it was
     * elected (alone, Ratis does not wait for it to commit an entry of its term) may still lag
     * what an earlier leader committed: only a leader that is ready vouches for its state.
     */
    private CompletableFuture<Boolean> readIndexRound() {
        return raft.readIndex().handle((RaftClientReply reply, Throwable e) -> e == null && reply.isSuccess()
                && (raft.isLeaderReady() || !raft.isLeader()));
    }

    private Optional<String> leaderRpcAddress() {
        Optional<String> leaderId = raft.leaderId();
        if (leaderId.isEmpty()) {
            return Optional.empty();
        }
        LeaderAddress cached = leaderAddress;
        if (cached != null && cached.leaderId().equals(leaderId.get())) {
            return Optional.of(cached.rpcAddress());
        }
        Optional<ServerInfo> info;
        try (StateReader reader = state.reader()) {
            info = reader.server(leaderId.get());
        }
        info.ifPresent(i -> leaderAddress = new LeaderAddress(i.id(), i.rpcAddress()));
        return info.map(ServerInfo::rpcAddress);
    }

    private static WriteResult notLeader() {
        return WriteResult.newBuilder().setCode(WriteResult.Code.NOT_LEADER).build();
    }

    private static WriteResult noLeaderResult() {
        return WriteResult.newBuilder().setCode(WriteResult.Code.NO_LEADER).setError("No cluster leader").build();
    }

    private record LeaderAddress(String leaderId, String rpcAddress) {
    }

    /**
     * Repeats an attempt, backing off, until it gives an acceptable answer or the hold time
     * (counted from the first attempt) passes.
     */
    private final class Retrying<T> implements Runnable {
        private final CompletableFuture<T> out;
        private final Supplier<CompletableFuture<T>> attempt;
        private final java.util.function.Predicate<T> acceptable;
        private final Supplier<T> givingUp;
        private final long deadline = System.nanoTime() + hold.toNanos();
        private int attempts;

        Retrying(CompletableFuture<T> out, Supplier<CompletableFuture<T>> attempt,
                java.util.function.Predicate<T> acceptable, Supplier<T> givingUp) {
            this.out = out;
            this.attempt = attempt;
            this.acceptable = acceptable;
            this.givingUp = givingUp;
        }

        @Override
        public void run() {
            if (out.isDone()) {
                return;
            }
            CompletableFuture<T> f;
            try {
                f = attempt.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<T> inFlight = f;
            // A caller that gives up (a client that disconnected) cancels the attempt in flight.
            out.whenComplete((v, e) -> {
                if (out.isCancelled()) {
                    inFlight.cancel(false);
                }
            });
            f.whenComplete((value, error) -> {
                if (out.isDone()) {
                    return;
                }
                if (error == null && acceptable.test(value)) {
                    out.complete(value);
                    return;
                }
                if (System.nanoTime() >= deadline) {
                    out.complete(givingUp.get());
                    return;
                }
                long backoff = Math.min(MAX_BACKOFF_MS, 10L << Math.min(attempts++, 5));
                timer.schedule(this, backoff, TimeUnit.MILLISECONDS);
            });
        }
    }
}
