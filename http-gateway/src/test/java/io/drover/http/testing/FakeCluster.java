package io.drover.http.testing;

import io.drover.http.AgentInfo;
import io.drover.http.Cluster;
import io.drover.http.NoLeaderException;
import io.drover.http.NodeAgentStats;
import io.drover.http.RaftStats;
import io.drover.http.RaftStatus;
import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A scripted {@link Cluster}: tests set its Raft status, how writes are answered and how the
 * barrier behaves, and read back what the gateway asked of it.
 */
public final class FakeCluster implements Cluster {
    public static final String LEADER_RAFT = "127.0.0.1:4647";
    public static final String FOLLOWER_RAFT = "127.0.0.2:4647";

    public final List<WriteRequest> writes = new CopyOnWriteArrayList<>();
    public final AtomicInteger barriers = new AtomicInteger();

    private volatile RaftStatus status = leader();
    private volatile AgentInfo agent = agent("server-1", "global");
    private volatile RaftStats raftStats = new RaftStats("Leader", 2, 76, 2, 76, 76, 0, 0, 0);
    private volatile Optional<NodeAgentStats> nodeAgent = Optional.empty();
    private volatile Function<WriteRequest, CompletableFuture<WriteResult>> writeHandler =
            request -> CompletableFuture.completedFuture(WriteResult.newBuilder().setCode(WriteResult.Code.OK)
                    .setIndex(11).setJobModifyIndex(10).setEvalId("6fa66e67-3736-32e4-c842-f4c4f2c1b91e")
                    .setEvalCreateIndex(11).build());
    private volatile Supplier<CompletableFuture<Void>> barrier = () -> CompletableFuture.completedFuture(null);

    public static RaftStatus leader() {
        return new RaftStatus(true, true, 0, LEADER_RAFT, List.of(
                new RaftStatus.Peer("server-1", LEADER_RAFT, true, true),
                new RaftStatus.Peer("server-2", FOLLOWER_RAFT, false, true)));
    }

    public static RaftStatus follower(long lastContactMillis) {
        return new RaftStatus(false, true, lastContactMillis, LEADER_RAFT, List.of(
                new RaftStatus.Peer("server-1", LEADER_RAFT, true, true),
                new RaftStatus.Peer("server-2", FOLLOWER_RAFT, false, true)));
    }

    public static RaftStatus leaderless() {
        return new RaftStatus(false, false, 0, null, List.of(
                new RaftStatus.Peer("server-1", LEADER_RAFT, false, true),
                new RaftStatus.Peer("server-2", FOLLOWER_RAFT, false, true)));
    }

    public static AgentInfo agent(String name, String region) {
        return new AgentInfo(name, name, region, "dc1", "127.0.0.1", "127.0.0.1:4646", LEADER_RAFT,
                "127.0.0.1:4648", "/var/lib/drover", 1, true, "0.1.0");
    }

    public FakeCluster status(RaftStatus newStatus) {
        this.status = newStatus;
        return this;
    }

    public FakeCluster agent(AgentInfo newAgent) {
        this.agent = newAgent;
        return this;
    }

    public FakeCluster raftStats(RaftStats stats) {
        this.raftStats = stats;
        return this;
    }

    /** Runs a node agent in the agent's process (as a dev agent does), with these figures. */
    public FakeCluster nodeAgent(NodeAgentStats stats) {
        this.nodeAgent = Optional.of(stats);
        return this;
    }

    public FakeCluster onWrite(Function<WriteRequest, CompletableFuture<WriteResult>> handler) {
        this.writeHandler = handler;
        return this;
    }

    /** Answers every write with {@code result}. */
    public FakeCluster answerWrites(WriteResult result) {
        return onWrite(request -> CompletableFuture.completedFuture(result));
    }

    public FakeCluster barrier(Supplier<CompletableFuture<Void>> newBarrier) {
        this.barrier = newBarrier;
        return this;
    }

    /** A barrier that fails as a leaderless cluster's does. */
    public FakeCluster barrierWithoutLeader() {
        return barrier(() -> CompletableFuture.failedFuture(new NoLeaderException()));
    }

    public WriteRequest lastWrite() {
        return writes.get(writes.size() - 1);
    }

    @Override
    public RaftStatus status() {
        return status;
    }

    @Override
    public AgentInfo agent() {
        return agent;
    }

    @Override
    public RaftStats raftStats() {
        return raftStats;
    }

    @Override
    public Optional<NodeAgentStats> nodeAgent() {
        return nodeAgent;
    }

    @Override
    public CompletableFuture<WriteResult> write(WriteRequest request) {
        writes.add(request);
        return writeHandler.apply(request);
    }

    @Override
    public CompletableFuture<Void> linearizableBarrier() {
        barriers.incrementAndGet();
        return barrier.get();
    }

    @Override
    public CompletableFuture<Void> leaderBarrier() {
        barriers.incrementAndGet();
        return barrier.get();
    }
}
