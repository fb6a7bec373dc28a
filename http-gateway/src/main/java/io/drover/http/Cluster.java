package io.drover.http;

import io.drover.proto.raft.WriteResult;
import io.drover.proto.rpc.WriteRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the gateway needs of the server it runs in: its place in the Raft group, and a way to
 * reach the leader. The server module implements it; the gateway never sees Ratis or gRPC.
 */
public interface Cluster {
    /** This server's current view of the Raft group. */
    RaftStatus status();

    /**
     * What every answer's headers tell of the leader ({@code X-Nomad-KnownLeader},
     * {@code X-Nomad-LastContact}) and whether this server leads: {@link #status()} without the
     * peers, which cost more to list than the rest of a small read.
     */
    default LeaderContact contact() {
        RaftStatus s = status();
        return new LeaderContact(s.leader(), s.knownLeader(), s.lastContactMillis());
    }

    /** Who this agent is, for {@code /v1/agent/self}. */
    AgentInfo agent();

    /** This server's Raft log and state machine now: the configuration's index, agent-info's raft section. */
    RaftStats raftStats();

    /** The node agent running in this process, if any (a dev agent's node), for {@code /v1/agent/self}. */
    Optional<NodeAgentStats> nodeAgent();

    /**
     * Executes a write on the leader (here if this server leads, else forwarded), completing
     * after the entry is committed and applied. While there is no leader it waits up to the hold
     * time, then completes with {@code NO_LEADER}. Never completes exceptionally.
     */
    CompletableFuture<WriteResult> write(WriteRequest request);

    /**
     * Completes once this server has applied an entry committed after the call, so that a read
     * after it sees every write acknowledged before the call began (linearizable). Completes
     * exceptionally with {@link NoLeaderException} if no leader commits within the hold time.
     */
    CompletableFuture<Void> linearizableBarrier();

    /**
     * Completes once this server's state is at least as new as the leader's commit index at the
     * time of the call (a Raft ReadIndex), as a default read on a follower must be. Completes
     * exceptionally with {@link NoLeaderException} if no leader answers within the hold time.
     */
    CompletableFuture<Void> leaderBarrier();
}
