package io.drover.server.cluster;

import io.drover.http.AgentInfo;
import io.drover.http.Cluster;
import io.drover.http.NoLeaderException;
import io.drover.http.RaftStatus;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;
import io.drover.server.leader.LeaderEndpoint;
import io.drover.server.raft.RaftNode;
import io.drover.server.rpc.PeerClients;
import io.drover.state.ServerInfo;
import io.drover.state.StateReader;
import io.drover.state.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.ratis.protocol.RaftClientReply;

/**
 * The gateway's way into the cluster. Writes go to the leader: executed here when this server
 * leads, otherwise forwarded over gRPC to the address the leader announced. Reads that must be
 * as new as the leader's state wait for a shared ReadIndex round ({@link ReadBarrier}).
 * While there is no leader, attempts repeat (with the same request ID, so a write is applied at
 * most once) for the hold time, as Nomad's RPC layer holds requests, then give up.
 */
public final class ClusterBridge implements Cluster {
    private static final long MAX_BACKOFF_MS = 200;

    private final RaftNode raft;
    private final LeaderEndpoint leader;
    private final StateStore state;
    private final PeerClients peers;
    private final AgentInfo agent;
    private final ScheduledExecutorService timer;
    private final Duration hold;
    private final ReadBarrier readBarrier;
    private volatile LeaderAddress leaderAddress;

    public ClusterBridge(RaftNode raft, LeaderEndpoint leader, StateStore state, PeerClients peers, AgentInfo agent,
            ScheduledExecutorService timer, Duration hold) {
        this.raft = raft;
        this.leader = leader;
        this.state = state;
        this.peers = peers;
        this.agent = agent;
        this.timer = timer;
        this.hold = hold;
        this.readBarrier = new ReadBarrier(this::readIndexRound, timer);
    }

    /** Forget where the leader was: it changed, or could not be reached there. */
    public void leaderChanged() {
        leaderAddress = null;
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
    public AgentInfo agent() {
        return agent;
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
        Optional<String> address = leaderRpcAddress();
        if (address.isEmpty()) {
            return CompletableFuture.completedFuture(notLeader());
        }
        return peers.write(address.get(), request, hold).exceptionally(e -> {
            leaderChanged();
            return notLeader();
        });
    }

    @Override
    public CompletableFuture<Void> linearizableBarrier() {
        CompletableFuture<Boolean> out = new CompletableFuture<>();
        new Retrying<>(out, readBarrier::await, ok -> ok, () -> false).run();
        return out.thenApply(ok -> {
            if (!ok) {
                throw new NoLeaderException();
            }
            return null;
        });
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
     * passes. An attempt that ran long (a parked blocking query) earns a fresh hold time.
     */
    private final class Retrying<T> implements Runnable {
        private final CompletableFuture<T> out;
        private final Supplier<CompletableFuture<T>> attempt;
        private final java.util.function.Predicate<T> acceptable;
        private final Supplier<T> givingUp;
        private long deadline = System.nanoTime() + hold.toNanos();
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
            long started = System.nanoTime();
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
                long now = System.nanoTime();
                if (now - started > TimeUnit.SECONDS.toNanos(1)) {
                    deadline = Math.max(deadline, now + hold.toNanos());
                }
                if (now >= deadline) {
                    out.complete(givingUp.get());
                    return;
                }
                long backoff = Math.min(MAX_BACKOFF_MS, 10L << Math.min(attempts++, 5));
                timer.schedule(this, backoff, TimeUnit.MILLISECONDS);
            });
        }
    }
}
